package dev.patchchain.formats.cab;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a component manifest's {@code destinationPath} ({@code $(runtime.system32)\drivers\}) into a target path
 * on drive C with the system root {@code C:\Windows} ({@code docs/formats/cab.md#destinations}). A 32-bit component
 * of a 64-bit package ({@code wow64}, or {@code x86} under {@code amd64}) sees {@code SysWOW64} as its system32.
 */
final class ServicingDestinations {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(runtime\\.([A-Za-z0-9]+)\\)");
    private static final String SYSTEM32 = "system32";
    private static final Map<String, String> RUNTIME = Map.ofEntries(
            Map.entry("bootdrive", "C:"),
            Map.entry("systemroot", "C:\\Windows"),
            Map.entry("windows", "C:\\Windows"),
            Map.entry(SYSTEM32, "C:\\Windows\\System32"),
            Map.entry("drivers", "C:\\Windows\\System32\\drivers"),
            Map.entry("wbem", "C:\\Windows\\System32\\wbem"),
            Map.entry("fonts", "C:\\Windows\\Fonts"),
            Map.entry("inf", "C:\\Windows\\INF"),
            Map.entry("help", "C:\\Windows\\Help"),
            Map.entry("programfiles", "C:\\Program Files"),
            Map.entry("programfilesx86", "C:\\Program Files (x86)"),
            Map.entry("commonfiles", "C:\\Program Files\\Common Files"),
            Map.entry("commonfilesx86", "C:\\Program Files (x86)\\Common Files"),
            Map.entry("programdata", "C:\\ProgramData"));

    private ServicingDestinations() {
    }

    /**
     * @param destinationPath as written in the manifest
     * @param fileName        the file's name
     * @param wow64           true for a 32-bit component of a 64-bit package
     * @return the target, or empty if a variable is unknown or the result is not an absolute path
     */
    static Optional<WinPath> resolve(String destinationPath, String fileName, boolean wow64) {
        Matcher m = VARIABLE.matcher(destinationPath);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).toLowerCase(Locale.ROOT);
            String value = wow64 && variable.equals(SYSTEM32) ? "C:\\Windows\\SysWOW64" : RUNTIME.get(variable);
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String dir = out.toString();
        String path = dir.endsWith("\\") || dir.isEmpty() ? dir + fileName : dir + "\\" + fileName;
        try {
            return Optional.of(WinPath.parse(path));
        } catch (WinPathException e) {
            return Optional.empty();
        }
    }

    static boolean wow64(String componentArchitecture, String packageArchitecture) {
        return componentArchitecture.equalsIgnoreCase("wow64")
                || componentArchitecture.equalsIgnoreCase("x86") && packageArchitecture.equalsIgnoreCase("amd64");
    }
}
