package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code IMAGE_RESOURCE_DIRECTORY} and its entries (PE format spec, ".rsrc Section"). Offsets are relative to
 * the start of the resource directory tree, as the format stores them.
 *
 * @param offset  where this directory starts, relative to the tree
 * @param entries its named entries, then its id entries, in file order
 */
record ResourceDirectory(long offset, List<Entry> entries) {

    /** The most entries one directory may hold; real images stay far below (a type has at most a few hundred). */
    static final int MAX_ENTRIES = 4096;
    private static final int HEADER_SIZE = 16;
    private static final int NUMBER_OF_NAMED_ENTRIES = 12; // from directory start
    private static final int NUMBER_OF_ID_ENTRIES = 14;
    private static final int ENTRY_SIZE = 8;
    private static final long HIGH_BIT = 0x8000_0000L;

    /**
     * One 8-byte {@code IMAGE_RESOURCE_DIRECTORY_ENTRY}.
     *
     * @param named       true if the entry is identified by a string rather than an id
     * @param id          the integer id (type, name or language), meaningful when not named
     * @param subdirectory true if {@code target} is another directory, false if it is a data entry
     * @param target      offset of the directory or data entry, relative to the tree
     */
    record Entry(boolean named, int id, boolean subdirectory, long target) {
    }

    static ResourceDirectory read(PeInput in, PeHeaders headers, long offset) throws IOException {
        long rva = headers.resourceRva() + offset;
        LeReader header = in.read(headers.fileOffset(in, rva, HEADER_SIZE, "resource directory"), HEADER_SIZE,
                "resource directory");
        int count = header.u16(NUMBER_OF_NAMED_ENTRIES, "NumberOfNamedEntries")
                + header.u16(NUMBER_OF_ID_ENTRIES, "NumberOfIdEntries");
        if (count > MAX_ENTRIES) {
            throw header.corrupt(0, "resource directory declares " + count + " entries; at most " + MAX_ENTRIES
                    + " are accepted");
        }
        if (count == 0) {
            return new ResourceDirectory(offset, List.of());
        }
        int length = count * ENTRY_SIZE;
        long entriesAt = headers.fileOffset(in, rva + HEADER_SIZE, length, "resource directory entries");
        LeReader table = in.read(entriesAt, length, "resource directory entries");
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long name = table.u32AsLong(i * ENTRY_SIZE, "resource entry name");
            long target = table.u32AsLong(i * ENTRY_SIZE + 4, "resource entry offset");
            entries.add(new Entry((name & HIGH_BIT) != 0, (int) (name & ~HIGH_BIT), (target & HIGH_BIT) != 0,
                    target & ~HIGH_BIT));
        }
        return new ResourceDirectory(offset, List.copyOf(entries));
    }
}
