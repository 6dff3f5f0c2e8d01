package dev.patchchain.formats.cab;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.RuntimePaths;
import java.util.Optional;

/**
 * Turns a component manifest's {@code destinationPath} ({@code $(runtime.system32)\drivers\}) into a target path
 * on drive C with the system root {@code C:\Windows} ({@code docs/formats/cab.md#destinations}), through the core's
 * {@link RuntimePaths}. A 32-bit component of a 64-bit package ({@code wow64}, or {@code x86} under {@code amd64})
 * sees {@code SysWOW64} as its system32.
 */
final class ServicingDestinations {

    private ServicingDestinations() {
    }

    /**
     * @param destinationPath as written in the manifest
     * @param fileName        the file's name
     * @param wow64           true for a 32-bit component of a 64-bit package
     * @return the target, or empty if a variable is unknown or the result is not an absolute path
     */
    static Optional<WinPath> resolve(String destinationPath, String fileName, boolean wow64) {
        Optional<WinPath> dir = RuntimePaths.resolve(destinationPath, wow64, PathContext.DEFAULT);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            WinPath path = dir.get();
            for (String part : fileName.split("\\\\")) {   // a name may carry a subdirectory: en-US\x.dll.mui
                if (!part.isEmpty()) {
                    path = path.resolve(part);
                }
            }
            return Optional.of(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean wow64(String componentArchitecture, String packageArchitecture) {
        return RuntimePaths.redirected(componentArchitecture, packageArchitecture.equalsIgnoreCase("amd64"));
    }
}
