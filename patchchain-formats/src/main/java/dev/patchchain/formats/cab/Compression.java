package dev.patchchain.formats.cab;

/** A folder's compression, the low four bits of CFFOLDER {@code typeCompress} ({@code docs/formats/cab.md}). */
public enum Compression {
    /** Stored: each CFDATA block holds its bytes as they are. */
    NONE,
    /** MSZIP: each block is {@code CK} and a deflate stream whose history carries over from the block before. */
    MSZIP,
    /** Quantum: an arithmetic coder over adaptive models and a window of 2^10..2^21 bytes, one frame per block. */
    QUANTUM,
    /** LZX: a window of 2^15..2^21 bytes carried across the folder's blocks, one 32 KiB frame per block. */
    LZX;

    static final int TYPE_MASK = 0x000F;
}
