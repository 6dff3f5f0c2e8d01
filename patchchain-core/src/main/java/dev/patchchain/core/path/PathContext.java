package dev.patchchain.core.path;

import java.util.Objects;

/**
 * What a path may be relative to: the system root that {@code \SystemRoot} and {@code %SystemRoot%} name.
 *
 * @param systemRoot the Windows directory, e.g. {@code C:\Windows}
 */
public record PathContext(WinPath systemRoot) {

    /** The usual installation: {@code C:\Windows}. */
    public static final PathContext DEFAULT = new PathContext(WinPath.parse("C:\\Windows", null));

    /** Requires a system root. */
    public PathContext {
        Objects.requireNonNull(systemRoot, "systemRoot");
    }
}
