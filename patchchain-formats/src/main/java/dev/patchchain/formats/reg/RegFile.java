package dev.patchchain.formats.reg;

import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code .reg} file: its header, its key sections in file order, and notes about what the reader
 * converted on the way (for example {@code REGEDIT4} ANSI strings widened to UTF-16LE).
 *
 * <pre>{@code
 * RegFile file = RegFileReader.read(bytes, "export.reg");
 * file.keys().get(0).path();   // HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Session Manager
 * }</pre>
 *
 * @param header the first line's kind
 * @param keys   the {@code [key]} and {@code [-key]} sections, in order (a key may appear more than once)
 * @param notes  one sentence per conversion the reader made, each starting with {@code "line N: "}
 */
public record RegFile(RegHeader header, List<RegKeyBlock> keys, List<String> notes) {

    /** Copies the lists and checks the components. */
    public RegFile {
        Objects.requireNonNull(header, "header");
        keys = List.copyOf(keys);
        notes = List.copyOf(notes);
    }

    /**
     * @param keys the key sections
     * @return a version 5 file without notes
     */
    public static RegFile of(List<RegKeyBlock> keys) {
        return new RegFile(RegHeader.VERSION_5, keys, List.of());
    }
}
