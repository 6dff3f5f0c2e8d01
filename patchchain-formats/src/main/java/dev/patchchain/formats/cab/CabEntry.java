package dev.patchchain.formats.cab;

/**
 * One file of a cabinet, from its CFFILE ({@code docs/formats/cab.md#cffile}).
 *
 * <pre>{@code
 * CabEntry e = cabinet.entries().get(0);
 * e.name();   // "amd64_microsoft-windows-ntdll_...\ntdll.dll" (backslashes, as stored)
 * e.size();   // 1732032
 * }</pre>
 *
 * @param name         the stored name, with {@code \} between directories; UTF-8 when the name-is-UTF flag is set,
 *                     else read as ISO-8859-1 (as {@code cabextract} does)
 * @param size         {@code cbFile}, the uncompressed size
 * @param folder       {@code iFolder}, the folder holding its bytes
 * @param folderOffset {@code uoffFolderStart}, where its bytes start in the folder's uncompressed stream
 * @param attributes   {@code attribs} (read-only 0x01, hidden 0x02, system 0x04, archive 0x20, exec 0x40, UTF
 *                     name 0x80)
 */
public record CabEntry(String name, long size, int folder, long folderOffset, int attributes) {

    /** @return the name with {@code /} between directories, as {@code cabextract} and {@code gcab} show it */
    public String slashName() {
        return name.replace('\\', '/');
    }

    /** @return the last part of the name */
    public String baseName() {
        return name.substring(name.lastIndexOf('\\') + 1);
    }
}
