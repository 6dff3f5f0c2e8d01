package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;

/**
 * CFFOLDER ({@code docs/formats/cab.md#cffolder}): where a folder's data blocks start, how many there are, and how
 * they are compressed.
 *
 * @param index          the folder's index in the cabinet
 * @param offset         the cabinet offset of the CFFOLDER
 * @param firstBlock     {@code coffCabStart}, the cabinet offset of its first CFDATA
 * @param blockCount     {@code cCFData}
 * @param compression    from {@code typeCompress}
 * @param compressionRaw {@code typeCompress} as declared, for messages
 */
record CabFolder(int index, long offset, long firstBlock, int blockCount, Compression compression,
        int compressionRaw) {

    static final int COFF_CAB_START = 0x00;
    static final int C_CF_DATA = 0x04;
    static final int TYPE_COMPRESS = 0x06;
    static final int SIZE = 0x08;

    static CabFolder read(RangeInput in, long offset, int index) throws IOException {
        LeReader r = in.read(offset, SIZE, "CFFOLDER " + index);
        int type = r.u16(TYPE_COMPRESS, "typeCompress");
        int kind = type & Compression.TYPE_MASK;
        if (kind >= Compression.values().length) {
            throw in.corrupt(offset + TYPE_COMPRESS, "CFFOLDER " + index + ": unknown compression type " + kind);
        }
        long first = r.u32AsLong(COFF_CAB_START, "coffCabStart");
        if (first > in.size()) {
            throw in.corrupt(offset, "CFFOLDER " + index + ": coffCabStart 0x" + Long.toHexString(first)
                    + " is beyond the cabinet's " + in.size() + " bytes");
        }
        return new CabFolder(index, offset, first, r.u16(C_CF_DATA, "cCFData"), Compression.values()[kind], type);
    }
}
