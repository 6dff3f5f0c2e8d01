package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * The CFDATA checksum ({@code docs/formats/cab.md#checksum}): the XOR of the bytes taken as little-endian 32-bit
 * words, the last one to three bytes packed most significant first. As in libmspack (and so {@code cabextract}), it
 * covers the block's data and then its {@code cbData}/{@code cbUncomp} fields, not its reserved area.
 */
final class CabChecksum {

    private CabChecksum() {
    }

    static int of(LeReader r, int offset, int length, int seed) throws FormatException {
        int sum = seed;
        int words = length >>> 2;
        for (int i = 0; i < words; i++) {
            sum ^= r.u32(offset + 4 * i, "checksummed data");
        }
        int tail = 0;
        for (int i = words * 4; i < length; i++) {
            tail = (tail << 8) | r.u8(offset + i, "checksummed data");
        }
        return sum ^ tail;
    }
}
