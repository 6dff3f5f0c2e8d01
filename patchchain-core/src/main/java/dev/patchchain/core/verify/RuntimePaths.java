package dev.patchchain.core.verify;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $(runtime.*)} variables of component manifests' {@code destinationPath} (docs/verify.md, "Component
 * servicing"; docs/formats/cab.md, "Destinations"), for a component that is redirected or not: a 32-bit component
 * on a 64-bit system ({@code wow64}, or {@code x86}) goes where WOW64 puts it, {@code SysWOW64} and
 * {@code Program Files (x86)}. The one mapping for servicing cabinets and the component store.
 *
 * <pre>{@code
 * RuntimePaths.resolve("$(runtime.system32)\\wbem\\", true, PathContext.DEFAULT);   // C:\Windows\SysWOW64\wbem
 * }</pre>
 */
public final class RuntimePaths {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(runtime\\.([A-Za-z0-9_]+)\\)");

    /** Relative to the Windows directory ({@code ""} is the directory itself); {@code SYS} stands for System32 or SysWOW64. */
    private static final Map<String, String> UNDER_WINDOWS = Map.of(
            "windows", "", "systemroot", "", "system32", "SYS", "system", "System", "drivers", "System32\\drivers",
            "wbem", "SYS\\wbem", "fonts", "Fonts", "inf", "INF", "help", "Help");

    /** Relative to the drive root; {@code PF} stands for Program Files or Program Files (x86). */
    private static final Map<String, String> UNDER_DRIVE = Map.of(
            "bootdrive", "", "programfiles", "PF", "programfilesx86", "Program Files (x86)",
            "commonfiles", "PF\\Common Files", "commonfilesx86", "Program Files (x86)\\Common Files",
            "programdata", "ProgramData");

    private RuntimePaths() {
    }

    /**
     * @param destination a {@code destinationPath}, e.g. {@code $(runtime.system32)\drivers\}; one leading
     *                    variable, or an absolute path without any
     * @param redirected  whether the component is 32-bit on a 64-bit system ({@link #redirected})
     * @param context     the system's Windows directory
     * @return the directory, or empty if a variable is not one of ours, comes second, or the path does not parse
     */
    public static Optional<WinPath> resolve(String destination, boolean redirected, PathContext context) {
        Matcher m = VARIABLE.matcher(destination);
        if (!m.lookingAt()) {
            return absolute(destination);
        }
        String variable = m.group(1).toLowerCase(Locale.ROOT);
        String rest = destination.substring(m.end()).replaceAll("^\\\\+|\\\\+$", "");
        if (VARIABLE.matcher(rest).find()) {
            return Optional.empty();
        }
        WinPath base;
        String relative;
        if (UNDER_WINDOWS.containsKey(variable)) {
            base = context.systemRoot();
            relative = UNDER_WINDOWS.get(variable).replace("SYS", redirected ? "SysWOW64" : "System32");
        } else if (UNDER_DRIVE.containsKey(variable)) {
            base = WinPath.parse(context.systemRoot().driveLetter() + ":\\");
            relative = UNDER_DRIVE.get(variable).replace("PF", redirected ? "Program Files (x86)" : "Program Files");
        } else {
            return Optional.empty();
        }
        try {
            for (String part : (relative + "\\" + rest).split("\\\\")) {
                if (!part.isEmpty()) {
                    base = base.resolve(part);
                }
            }
            return Optional.of(base);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<WinPath> absolute(String destination) {
        if (destination.contains("$(")) {
            return Optional.empty();
        }
        try {
            WinPath path = WinPath.parse(destination.replaceAll("\\\\+$", ""));
            return path.isUnc() ? Optional.empty() : Optional.of(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param arch    a component's processorArchitecture
     * @param system64 whether the system is 64-bit (an image with SysWOW64, an {@code amd64} package)
     * @return true if the component's System32 is SysWOW64
     */
    public static boolean redirected(String arch, boolean system64) {
        String a = arch.toLowerCase(Locale.ROOT);
        return a.equals("wow64") || system64 && a.equals("x86");
    }
}
