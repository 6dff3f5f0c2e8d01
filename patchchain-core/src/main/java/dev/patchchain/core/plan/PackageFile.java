package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import java.util.Objects;

/**
 * A file a package installs.
 *
 * <p>{@code inUse} is an assumption the manifest states, not something the planner can observe: a file in use
 * (a loaded DLL, a running service) cannot be replaced now, so the installer stages it and queues a rename for the
 * next boot. System files of a running Windows are normally in use, which is why manifests default to it.
 *
 * @param target  where the file goes, e.g. {@code C:\Windows\System32\ntdll.dll}
 * @param version its fixed file version
 * @param inUse   true if the target is in use while the package installs, so the file goes through the queue
 */
public record PackageFile(WinPath target, FileVersion version, boolean inUse) {

    /** Requires every component. */
    public PackageFile {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
    }
}
