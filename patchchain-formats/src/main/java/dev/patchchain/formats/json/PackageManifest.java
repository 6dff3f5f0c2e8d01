package dev.patchchain.formats.json;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.volume.PathState;
import java.util.Map;

/**
 * A package manifest as read: the package, and what the manifest says is on disk now for its files (a file with a
 * version, or absent; files it says nothing about are unknown).
 *
 * @param pkg    the package
 * @param onDisk per target, what is there now, as far as the manifest says
 */
public record PackageManifest(UpdatePackage pkg, Map<WinPath, PathState> onDisk) {

    /** Copies the map. */
    public PackageManifest {
        onDisk = Map.copyOf(onDisk);
    }
}
