package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.lzx.LzxDecoder;

/** LZX chunks of a WIM ({@code docs/formats/wim.md#lzx}): each an LZX stream of its own, at most 32 KiB. */
final class LzxChunkDecoder implements ChunkDecoder {

    @Override
    public int maxChunkSize() {
        return LzxDecoder.FRAME_SIZE;
    }

    @Override
    public void decode(byte[] in, byte[] out, int outLen, String source, long offset) throws FormatException {
        LzxDecoder.decodeWimChunk(in, 0, in.length, out, 0, outLen, source, offset);
    }
}
