package dev.patchchain.formats.lzx;

import dev.patchchain.formats.FormatException;

/** Where the LZX of cabinets and the LZX of WIM chunks differ in the block header. */
enum LzxVariant {
    /** Cabinets: the block size is always 24 bits. */
    CAB,
    /** WIM: one bit set means a block of 32 768 bytes, else a 16-bit size follows. */
    WIM;

    static final int DEFAULT_BLOCK_SIZE = 1 << 15;
    private static final int CAB_SIZE_BITS = 24;
    private static final int WIM_SIZE_BITS = 16;

    int readBlockSize(LzxBits bits) throws FormatException {
        if (this == CAB) {
            return bits.read(CAB_SIZE_BITS);
        }
        return bits.read(1) == 1 ? DEFAULT_BLOCK_SIZE : bits.read(WIM_SIZE_BITS);
    }
}
