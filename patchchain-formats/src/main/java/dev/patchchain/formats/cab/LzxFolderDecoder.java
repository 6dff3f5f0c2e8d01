package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import dev.patchchain.formats.lzx.LzxDecoder;

/**
 * Expands the blocks of one LZX folder ({@code docs/formats/cab.md#lzx}): each CFDATA block is one LZX frame, and
 * the window, trees and repeated offsets carry over from block to block.
 */
final class LzxFolderDecoder {

    /** Bits 8–12 of {@code typeCompress}: the window's size as a power of two. */
    static final int WINDOW_SHIFT = 8;
    static final int WINDOW_MASK = 0x1F;

    private final LzxDecoder lzx;

    private LzxFolderDecoder(LzxDecoder lzx) {
        this.lzx = lzx;
    }

    static LzxFolderDecoder of(CabFolder folder, RangeInput in) throws FormatException {
        int windowBits = folder.compressionRaw() >>> WINDOW_SHIFT & WINDOW_MASK;
        if (windowBits < LzxDecoder.MIN_WINDOW_BITS || windowBits > LzxDecoder.MAX_WINDOW_BITS) {
            throw in.corrupt(folder.offset() + CabFolder.TYPE_COMPRESS, "CFFOLDER " + folder.index()
                    + ": LZX window of 2^" + windowBits + " bytes is outside 2^15..2^21 (typeCompress 0x"
                    + Integer.toHexString(folder.compressionRaw()) + ")");
        }
        return new LzxFolderDecoder(LzxDecoder.forCab(windowBits));
    }

    /**
     * @param block the folder's next block
     * @param in    the cabinet, for errors
     * @return its {@code cbUncomp} expanded bytes
     * @throws FormatException if the block is not the LZX frame that follows
     */
    byte[] expand(CabDataBlock block, RangeInput in) throws FormatException {
        LeReader data = block.data();
        byte[] compressed = data.bytes(0, data.size(), "LZX data");
        byte[] out = new byte[block.uncompressedSize()];
        lzx.decode(compressed, 0, compressed.length, out, 0, out.length, in.source(),
                block.next() - compressed.length);
        return out;
    }
}
