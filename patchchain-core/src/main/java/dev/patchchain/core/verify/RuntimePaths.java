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
 * store"), for a component of one architecture on a 32- or 64-bit image: a 32-bit component ({@code x86} on a
 * 64-bit image, {@code wow64}) goes where WOW64 puts it, {@code SysWOW64} and {@code Program Files (x86)}.
 */
final class RuntimePaths {

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
     * @param destination a {@code destinationPath}, e.g. {@code $(runtime.system32)\drivers\}
     * @param arch        the component's processorArchitecture
     * @param image64     whether the image is 64-bit (has SysWOW64)
     * @param context     the image's Windows directory
     * @return the directory, or empty if a variable is not one of ours or the path does not parse
     */
    static Optional<WinPath> resolve(String destination, String arch, boolean image64, PathContext context) {
        Matcher m = VARIABLE.matcher(destination);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        boolean redirected = redirected(arch, image64);
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

    /**
     * @param arch    a component's processorArchitecture
     * @param image64 whether the image is 64-bit
     * @return true if the component's System32 is SysWOW64
     */
    static boolean redirected(String arch, boolean image64) {
        String a = arch.toLowerCase(Locale.ROOT);
        return a.equals("wow64") || image64 && a.equals("x86");
    }
}
