package dev.patchchain.core.path;

/** How a {@link WinPath} was written; the same file can be named in each of these forms. */
public enum PathSyntax {
    /** {@code C:\Windows\x.dll} or {@code \\server\share\x.dll}: a Win32 path. */
    DOS,
    /** {@code \??\C:\Windows\x.dll} (or {@code \GLOBAL??\}): an NT object-manager path, as the queue stores it. */
    NT,
    /** {@code \\?\C:\Windows\x.dll}: the Win32 file namespace, no normalisation. */
    WIN32_FILE_NAMESPACE,
    /** {@code \\.\C:\Windows\x.dll}: the Win32 device namespace, accepted for drive paths only. */
    WIN32_DEVICE_NAMESPACE,
    /** {@code \SystemRoot\x.dll}: relative to the system root given in the {@link PathContext}. */
    SYSTEM_ROOT,
    /** {@code %SystemRoot%\x.dll} or {@code %windir%\x.dll}: the same, written with an environment variable. */
    ENVIRONMENT
}
