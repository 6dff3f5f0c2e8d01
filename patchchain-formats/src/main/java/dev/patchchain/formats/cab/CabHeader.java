package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;

/**
 * CFHEADER, the cabinet header ({@code docs/formats/cab.md#cfheader}): what the cabinet declares about its size,
 * its folders and files, and the sizes of the per-structure reserved areas.
 *
 * @param cabinetSize    {@code cbCabinet}, the declared size of the cabinet
 * @param filesOffset    {@code coffFiles}, where the first CFFILE starts
 * @param folderCount    {@code cFolders}
 * @param fileCount      {@code cFiles}
 * @param folderReserve  {@code cbCFFolder}, reserved bytes after each CFFOLDER
 * @param dataReserve    {@code cbCFData}, reserved bytes in each CFDATA header
 * @param foldersOffset  where the first CFFOLDER starts (after the header's reserve)
 */
record CabHeader(long cabinetSize, long filesOffset, int folderCount, int fileCount, int folderReserve,
                 int dataReserve, long foldersOffset) {

    static final int SIGNATURE = 0x4643534D; // "MSCF"
    static final int CB_CABINET = 0x08;
    static final int COFF_FILES = 0x10;
    static final int VERSION_MINOR = 0x18;
    static final int VERSION_MAJOR = 0x19;
    static final int C_FOLDERS = 0x1A;
    static final int C_FILES = 0x1C;
    static final int FLAGS = 0x1E;
    static final int FIXED_SIZE = 0x24;
    static final int FLAG_PREV_CABINET = 0x0001;
    static final int FLAG_NEXT_CABINET = 0x0002;
    static final int FLAG_RESERVE_PRESENT = 0x0004;
    static final int RESERVE_FIELDS_SIZE = 4;
    static final int MAX_HEADER_RESERVE = 60_000;
    static final int SUPPORTED_MAJOR = 1;

    static CabHeader read(RangeInput in) throws IOException {
        if (in.size() < FIXED_SIZE) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, in.source(), 0,
                    "a cabinet starts with a " + FIXED_SIZE + "-byte header; the input has " + in.size() + " bytes");
        }
        LeReader r = in.read(0, FIXED_SIZE, "CFHEADER");
        if (r.u32(0, "signature") != SIGNATURE) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, in.source(), 0,
                    String.format("expected the signature MSCF, found 0x%08x", r.u32(0, "signature")));
        }
        if (r.u8(VERSION_MAJOR, "versionMajor") != SUPPORTED_MAJOR) {
            throw in.unsupported(VERSION_MAJOR, "cabinet format version " + r.u8(VERSION_MAJOR, "versionMajor")
                    + "." + r.u8(VERSION_MINOR, "versionMinor") + " (supported: 1.x)");
        }
        long cabinetSize = r.u32AsLong(CB_CABINET, "cbCabinet");
        if (cabinetSize > in.size()) {
            throw in.corrupt(CB_CABINET, "cbCabinet declares " + cabinetSize + " bytes but the input has "
                    + in.size());
        }
        int flags = r.u16(FLAGS, "flags");
        if ((flags & (FLAG_PREV_CABINET | FLAG_NEXT_CABINET)) != 0) {
            throw in.unsupported(FLAGS, "this cabinet is part of a multi-cabinet set (flags 0x"
                    + Integer.toHexString(flags) + "); only single cabinets are read");
        }
        long foldersOffset = FIXED_SIZE;
        int folderReserve = 0;
        int dataReserve = 0;
        if ((flags & FLAG_RESERVE_PRESENT) != 0) {
            LeReader reserve = in.read(FIXED_SIZE, RESERVE_FIELDS_SIZE, "CFHEADER reserve sizes");
            int headerReserve = reserve.u16(0, "cbCFHeader");
            if (headerReserve > MAX_HEADER_RESERVE) {
                throw in.corrupt(FIXED_SIZE, "cbCFHeader " + headerReserve + " exceeds " + MAX_HEADER_RESERVE);
            }
            folderReserve = reserve.u8(2, "cbCFFolder");
            dataReserve = reserve.u8(3, "cbCFData");
            foldersOffset += RESERVE_FIELDS_SIZE + headerReserve;
        }
        return new CabHeader(cabinetSize, r.u32AsLong(COFF_FILES, "coffFiles"), r.u16(C_FOLDERS, "cFolders"),
                r.u16(C_FILES, "cFiles"), folderReserve, dataReserve, foldersOffset);
    }
}
