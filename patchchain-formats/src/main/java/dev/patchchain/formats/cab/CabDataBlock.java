package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;

/**
 * CFDATA ({@code docs/formats/cab.md#cfdata}): one block of a folder, its checksum and sizes, and its bytes.
 *
 * @param offset           the cabinet offset of the block header
 * @param checksum         {@code csum}; 0 means none
 * @param uncompressedSize {@code cbUncomp}
 * @param data             the {@code cbData} compressed bytes
 * @param next             the cabinet offset of the next block
 */
record CabDataBlock(long offset, int checksum, int uncompressedSize, LeReader data, long next) {

    static final int CSUM = 0x00;
    static final int CB_DATA = 0x04;
    static final int CB_UNCOMP = 0x06;
    static final int HEADER_SIZE = 0x08;
    /** The most a block expands to (MS-CAB: 32 KiB). */
    static final int MAX_UNCOMPRESSED = 0x8000;
    /** The most a block may hold compressed (MS-CAB: 32 KiB plus 6 KiB of codec overhead). */
    static final int MAX_COMPRESSED = MAX_UNCOMPRESSED + 6144;

    static CabDataBlock read(RangeInput in, long offset, int dataReserve, String what) throws IOException {
        LeReader r = in.read(offset, HEADER_SIZE, what);
        int compressed = r.u16(CB_DATA, "cbData");
        int uncompressed = r.u16(CB_UNCOMP, "cbUncomp");
        if (compressed > MAX_COMPRESSED || uncompressed > MAX_UNCOMPRESSED) {
            throw in.corrupt(offset, what + ": cbData " + compressed + " / cbUncomp " + uncompressed
                    + " exceed the format's " + MAX_COMPRESSED + " / " + MAX_UNCOMPRESSED);
        }
        long dataOffset = offset + HEADER_SIZE + dataReserve;
        LeReader data = in.read(dataOffset, compressed, what + " data");
        int checksum = r.u32(CSUM, "csum");
        if (checksum != 0) {
            int actual = CabChecksum.of(data, 0, compressed, CabChecksum.of(r, CB_DATA, 4, 0));
            if (actual != checksum) {
                throw in.corrupt(offset, String.format("%s: checksum 0x%08x does not match the data's 0x%08x",
                        what, checksum, actual));
            }
        }
        return new CabDataBlock(offset, checksum, uncompressed, data, dataOffset + compressed);
    }
}
