package dev.patchchain.cli.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import java.util.Map;

/** The disk as the manifests describe it: their {@code onDisk} entries, and unknown everywhere else. */
record ManifestDisk(Map<WinPath, PathState> known) implements VolumeState {

    @Override
    public PathState stat(WinPath path) {
        return known.getOrDefault(path, PathState.UNKNOWN);
    }

    @Override
    public List<String> list(WinPath directory) {
        return List.of();
    }
}
