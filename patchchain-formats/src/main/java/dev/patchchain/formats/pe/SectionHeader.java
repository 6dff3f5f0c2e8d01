package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;

/**
 * One 40-byte {@code IMAGE_SECTION_HEADER}: where a range of RVAs lives in the file.
 *
 * @param virtualAddress   RVA of the section's first byte
 * @param virtualSize      size in memory
 * @param rawSize          size of the section's bytes in the file
 * @param pointerToRawData file offset of those bytes, rounded down as the loader rounds it
 */
record SectionHeader(long virtualAddress, long virtualSize, long rawSize, long pointerToRawData) {

    /** Size of one section header; PE format spec, "Section Table (Section Headers)". */
    static final int SIZE = 40;
    private static final int VIRTUAL_SIZE = 8; // from the section header start
    private static final int VIRTUAL_ADDRESS = 12;
    private static final int SIZE_OF_RAW_DATA = 16;
    private static final int POINTER_TO_RAW_DATA = 20;
    /** The loader ignores the low bits of PointerToRawData once FileAlignment is at least this (as pefile does). */
    private static final long MIN_HONOURED_FILE_ALIGNMENT = 0x200;

    static SectionHeader read(LeReader table, int offset, long fileAlignment) throws IOException {
        long raw = table.u32AsLong(offset + POINTER_TO_RAW_DATA, "section PointerToRawData");
        if (fileAlignment >= MIN_HONOURED_FILE_ALIGNMENT) {
            raw -= raw % MIN_HONOURED_FILE_ALIGNMENT;
        }
        return new SectionHeader(
                table.u32AsLong(offset + VIRTUAL_ADDRESS, "section VirtualAddress"),
                table.u32AsLong(offset + VIRTUAL_SIZE, "section VirtualSize"),
                table.u32AsLong(offset + SIZE_OF_RAW_DATA, "section SizeOfRawData"),
                raw);
    }

    /** @return true if {@code rva} falls inside this section as mapped in memory */
    boolean contains(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < Math.max(virtualSize, rawSize);
    }
}
