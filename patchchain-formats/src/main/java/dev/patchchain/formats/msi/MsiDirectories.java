package dev.patchchain.formats.msi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the {@code Directory} table to target paths ({@code docs/formats/msi.md#directories}), as on a 64-bit
 * Windows with everything on drive C: a standard folder id ({@code ProgramFilesFolder}, {@code SystemFolder}, ...)
 * is its fixed path, {@code TARGETDIR} is {@code C:\}, any other directory is its parent's path and the long target
 * name of its {@code DefaultDir} ({@code [targetShort|]targetLong[:source]}; {@code .} is the parent itself).
 * Per-user folders and cycles resolve to nothing.
 */
final class MsiDirectories {

    static final int MAX_DEPTH = 64;
    static final String ROOT = "TARGETDIR";

    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry(ROOT, "C:\\"),
            Map.entry("WindowsVolume", "C:\\"),
            Map.entry("WindowsFolder", "C:\\Windows"),
            Map.entry("SystemFolder", "C:\\Windows\\SysWOW64"),
            Map.entry("System64Folder", "C:\\Windows\\System32"),
            Map.entry("System16Folder", "C:\\Windows\\System"),
            Map.entry("FontsFolder", "C:\\Windows\\Fonts"),
            Map.entry("TempFolder", "C:\\Windows\\Temp"),
            Map.entry("ProgramFilesFolder", "C:\\Program Files (x86)"),
            Map.entry("ProgramFiles64Folder", "C:\\Program Files"),
            Map.entry("CommonFilesFolder", "C:\\Program Files (x86)\\Common Files"),
            Map.entry("CommonFiles64Folder", "C:\\Program Files\\Common Files"),
            Map.entry("CommonAppDataFolder", "C:\\ProgramData"));

    private final Map<String, String[]> rows = new HashMap<>();
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    MsiDirectories(MsiTable directory) {
        for (Map<String, Object> row : directory.rows()) {
            if (row.get("Directory") instanceof String id) {
                rows.put(id, new String[] {text(row.get("Directory_Parent")), text(row.get("DefaultDir"))});
            }
        }
    }

    /** @return the directory's target path, or empty if it is per-user, unknown or part of a cycle */
    Optional<String> path(String id) {
        return path(id, new HashSet<>());
    }

    private Optional<String> path(String id, Set<String> visiting) {
        Optional<String> done = resolved.get(id);
        if (done != null) {
            return done;
        }
        Optional<String> result;
        String[] row = rows.get(id);
        if (STANDARD.containsKey(id)) {
            result = Optional.of(STANDARD.get(id));
        } else if (row == null || row[0] == null || row[0].equals(id) || visiting.size() >= MAX_DEPTH
                || !visiting.add(id)) {
            result = Optional.empty();
        } else {
            String name = targetName(row[1] == null ? "." : row[1]);
            result = path(row[0], visiting).map(parent -> name.equals(".") ? parent
                    : parent.endsWith("\\") ? parent + name : parent + "\\" + name);
        }
        resolved.put(id, result);
        return result;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    /** @return the long target name of a {@code DefaultDir} or {@code FileName} value */
    static String targetName(String value) {
        int colon = value.indexOf(':');
        String target = colon < 0 ? value : value.substring(0, colon);
        int bar = target.indexOf('|');
        return bar < 0 ? target : target.substring(bar + 1);
    }
}
