package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers of a PE image that lead to its resources: DOS header, {@code PE\0\0}, COFF file header, optional
 * header (PE32 or PE32+) and the section table. Offsets follow the Microsoft "PE Format" specification.
 *
 * @param machine        COFF {@code Machine}
 * @param pe32Plus       true for a PE32+ (64-bit) optional header
 * @param resourceRva    RVA of the resource directory, 0 if the image declares none
 * @param resourceSize   declared size of the resource directory
 * @param sections       the section table
 * @param checksumOffset file offset of the optional header's {@code CheckSum}
 * @param securityEntry  file offset of the certificate-table data directory entry, -1 if the header has none
 * @param securityOffset file offset (not an RVA) of the certificate table, 0 if none
 * @param securitySize   declared size of the certificate table
 */
record PeHeaders(int machine, boolean pe32Plus, long resourceRva, long resourceSize, List<SectionHeader> sections,
                 long checksumOffset, long securityEntry, long securityOffset, long securitySize) {

    private static final int MZ = 0x5A4D;
    private static final int E_LFANEW = 0x3C; // from file start: offset of the PE signature
    private static final int DOS_HEADER_SIZE = 0x40;
    private static final int PE_SIGNATURE = 0x00004550; // "PE\0\0"
    private static final int COFF_SIZE = 20; // COFF file header, after the signature
    private static final int COFF_MACHINE = 0;
    private static final int COFF_NUMBER_OF_SECTIONS = 2;
    private static final int COFF_SIZE_OF_OPTIONAL_HEADER = 16;
    private static final int PE32_MAGIC = 0x10B;
    private static final int PE32_PLUS_MAGIC = 0x20B;
    private static final int OPT_FILE_ALIGNMENT = 36; // from optional header start, PE32 and PE32+
    private static final int PE32_RVA_COUNT = 92;
    private static final int PE32_PLUS_RVA_COUNT = 108;
    private static final int DATA_DIRECTORY_SIZE = 8;
    private static final int RESOURCE_DIRECTORY_INDEX = 2;
    private static final int SECURITY_DIRECTORY_INDEX = 4; // its "RVA" is a file offset; PE format spec
    private static final int OPT_CHECKSUM = 64; // from optional header start, PE32 and PE32+

    static PeHeaders read(PeInput in) throws IOException {
        if (in.size() < DOS_HEADER_SIZE) {
            throw in.notPe(0, "not a PE file: " + in.size() + " bytes is shorter than a DOS header");
        }
        LeReader dos = in.read(0, DOS_HEADER_SIZE, "DOS header");
        if (dos.u16(0, "DOS signature") != MZ) {
            throw in.notPe(0, "not a PE file: no MZ signature");
        }
        long peOffset = dos.u32AsLong(E_LFANEW, "e_lfanew");
        if (peOffset > in.size() - 4 - COFF_SIZE) {
            throw in.notPe(E_LFANEW, "not a PE file: e_lfanew 0x" + Long.toHexString(peOffset)
                    + " leaves no room for a PE header in " + in.size() + " bytes");
        }
        LeReader coff = in.read(peOffset, 4 + COFF_SIZE, "PE signature and COFF header");
        if (coff.u32(0, "PE signature") != PE_SIGNATURE) {
            throw in.notPe(peOffset, "not a PE file: no PE signature at e_lfanew");
        }
        int machine = coff.u16(4 + COFF_MACHINE, "Machine");
        int sectionCount = coff.u16(4 + COFF_NUMBER_OF_SECTIONS, "NumberOfSections");
        int optionalSize = coff.u16(4 + COFF_SIZE_OF_OPTIONAL_HEADER, "SizeOfOptionalHeader");
        long optionalOffset = peOffset + 4 + COFF_SIZE;
        LeReader optional = in.read(optionalOffset, optionalSize, "optional header");
        int magic = optional.u16(0, "optional header magic");
        if (magic != PE32_MAGIC && magic != PE32_PLUS_MAGIC) {
            throw in.unsupported(optionalOffset, "optional header magic 0x" + Integer.toHexString(magic)
                    + " is neither PE32 (0x10b) nor PE32+ (0x20b)");
        }
        boolean plus = magic == PE32_PLUS_MAGIC;
        int countOffset = plus ? PE32_PLUS_RVA_COUNT : PE32_RVA_COUNT;
        int resourceEntry = countOffset + 4 + RESOURCE_DIRECTORY_INDEX * DATA_DIRECTORY_SIZE;
        long resourceRva = 0;
        long resourceSize = 0;
        // An image may cut the optional header short or declare fewer data directories: then it has no resources.
        if (resourceEntry + DATA_DIRECTORY_SIZE <= optionalSize
                && optional.u32AsLong(countOffset, "NumberOfRvaAndSizes") > RESOURCE_DIRECTORY_INDEX) {
            resourceRva = optional.u32AsLong(resourceEntry, "resource directory RVA");
            resourceSize = optional.u32AsLong(resourceEntry + 4, "resource directory size");
        }
        int securityEntry = countOffset + 4 + SECURITY_DIRECTORY_INDEX * DATA_DIRECTORY_SIZE;
        boolean hasSecurityEntry = securityEntry + DATA_DIRECTORY_SIZE <= optionalSize
                && optional.u32AsLong(countOffset, "NumberOfRvaAndSizes") > SECURITY_DIRECTORY_INDEX;
        long securityOffset = hasSecurityEntry ? optional.u32AsLong(securityEntry, "certificate table offset") : 0;
        long securitySize = hasSecurityEntry ? optional.u32AsLong(securityEntry + 4, "certificate table size") : 0;
        long fileAlignment = optional.u32AsLong(OPT_FILE_ALIGNMENT, "FileAlignment");
        long tableOffset = optionalOffset + optionalSize;
        LeReader table = in.read(tableOffset, sectionCount * SectionHeader.SIZE, "section table");
        List<SectionHeader> sections = new ArrayList<>(sectionCount);
        for (int i = 0; i < sectionCount; i++) {
            sections.add(SectionHeader.read(table, i * SectionHeader.SIZE, fileAlignment));
        }
        return new PeHeaders(machine, plus, resourceRva, resourceSize, List.copyOf(sections),
                optionalOffset + OPT_CHECKSUM, hasSecurityEntry ? optionalOffset + securityEntry : -1,
                securityOffset, securitySize);
    }

    /** @return true if the image declares a resource directory */
    boolean hasResources() {
        return resourceRva != 0 && resourceSize != 0;
    }

    /**
     * Maps an RVA range to a file offset through the section that holds it.
     *
     * @param in        the file, for the error message
     * @param rva       where the range starts in memory
     * @param length    how long it is
     * @param structure what it holds
     * @return the file offset of the range's first byte
     * @throws IOException if no section holds the whole range in its raw data
     */
    long fileOffset(PeInput in, long rva, long length, String structure) throws IOException {
        SectionHeader s = sectionOf(rva);
        if (s == null) {
            throw in.corrupt(-1, structure + " at RVA 0x" + Long.toHexString(rva) + " lies in no section");
        }
        long delta = rva - s.virtualAddress();
        if (delta + length > s.rawSize()) {
            throw in.corrupt(s.pointerToRawData() + delta, structure + " at RVA 0x" + Long.toHexString(rva)
                    + " (" + length + " bytes) runs past its section's " + s.rawSize() + " bytes of raw data");
        }
        return s.pointerToRawData() + delta;
    }

    /**
     * @param rva an RVA
     * @return its file offset for error messages, or -1 if no section holds it
     */
    long fileOffsetOrUnknown(long rva) {
        SectionHeader s = sectionOf(rva);
        return s == null ? -1 : s.pointerToRawData() + rva - s.virtualAddress();
    }

    private SectionHeader sectionOf(long rva) {
        for (SectionHeader s : sections) {
            if (s.contains(rva)) {
                return s;
            }
        }
        return null;
    }
}
