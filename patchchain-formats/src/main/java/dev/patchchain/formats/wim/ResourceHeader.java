package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * A resource header ({@code RESHDR_DISK_SHORT}, 24 bytes; {@code docs/formats/wim.md#resource-header}): where a
 * resource lies in the file, how large it is there and expanded, and how it is stored.
 *
 * @param sizeInWim    its size in the file (56 bits)
 * @param flags        {@link #FREE}, {@link #METADATA}, {@link #COMPRESSED}, {@link #SPANNED}, {@link #SOLID}
 * @param offset       where it starts in the file
 * @param originalSize its expanded size
 */
record ResourceHeader(long sizeInWim, int flags, long offset, long originalSize) {

    static final int SIZE = 24;
    static final int FREE = 0x01;
    static final int METADATA = 0x02;
    static final int COMPRESSED = 0x04;
    static final int SPANNED = 0x08;
    static final int SOLID = 0x10;

    private static final int SIZE_AND_FLAGS = 0x00; // 7 bytes of size, then the flags byte
    private static final int OFFSET = 0x08;
    private static final int ORIGINAL_SIZE = 0x10;

    static ResourceHeader read(LeReader r, int at, String what) throws FormatException {
        long sizeAndFlags = r.u64(at + SIZE_AND_FLAGS, what);
        long offset = r.u64(at + OFFSET, what);
        long original = r.u64(at + ORIGINAL_SIZE, what);
        if (offset < 0 || original < 0) {
            throw r.corrupt(at, what + ": offset 0x" + Long.toHexString(offset) + " or size "
                    + Long.toUnsignedString(original) + " is beyond 2^63");
        }
        return new ResourceHeader(sizeAndFlags & 0x00FF_FFFF_FFFF_FFFFL, (int) (sizeAndFlags >>> 56), offset,
                original);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isEmpty() {
        return sizeInWim == 0 && offset == 0 && originalSize == 0;
    }
}
