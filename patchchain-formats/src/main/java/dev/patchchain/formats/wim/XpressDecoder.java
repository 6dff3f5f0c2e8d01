package dev.patchchain.formats.wim;

/**
 * XPRESS with Huffman coding as WIM chunks use it (Microsoft [MS-XCA] 2.1 "LZ77+Huffman"; one Huffman table per
 * chunk, since a WIM chunk is at most 64 KiB). {@code docs/formats/wim.md#xpress}.
 *
 * <p>The chunk starts with 256 bytes holding the 4-bit code lengths of 512 symbols (low nibble first); then a bit
 * stream read as 16-bit little-endian words, most significant bit first, with the extra length bytes of long
 * matches interleaved in the byte stream at the point they are needed. Symbols below 256 are literals; a symbol
 * {@code 256 + (offsetBits << 4 | lengthHeader)} is a match.
 */
final class XpressDecoder implements ChunkDecoder {

    static final int MAX_CHUNK = 64 * 1024;
    private static final int SYMBOLS = 512;
    private static final int TABLE_BYTES = SYMBOLS / 2;
    private static final int MAX_CODE_LENGTH = 15;
    private static final int MIN_MATCH = 3;

    private final short[] table = new short[1 << MAX_CODE_LENGTH]; // (symbol << 4 | length), -1 where no code
    private final int[] lengths = new int[SYMBOLS];

    @Override
    public int maxChunkSize() {
        return MAX_CHUNK;
    }

    @Override
    public void decode(byte[] in, byte[] out, int outLen, String source, long chunkOffset)
            throws BadChunkException {
        if (outLen > MAX_CHUNK) {
            throw new BadChunkException("XPRESS chunk of " + outLen + " bytes, over 64 KiB");
        }
        if (in.length < TABLE_BYTES) {
            throw new BadChunkException("XPRESS chunk of " + in.length + " bytes has no 256-byte Huffman table");
        }
        buildTable(in);
        Bits bits = new Bits(in, TABLE_BYTES);
        int pos = 0;
        while (pos < outLen) {
            int entry = table[(int) bits.peek(MAX_CODE_LENGTH)];
            if (entry < 0) {
                throw new BadChunkException("XPRESS bit pattern with no Huffman code at output byte " + pos);
            }
            bits.skip(entry & 0xF);
            int symbol = entry >>> 4;
            if (symbol < 256) {
                out[pos++] = (byte) symbol;
                continue;
            }
            int lengthHeader = symbol & 0xF;
            int offsetBits = (symbol >>> 4) & 0xF;
            int length = lengthHeader;
            if (lengthHeader == 0xF) {
                length = bits.readByte();
                if (length == 0xFF) {
                    length = bits.readByte() | bits.readByte() << 8;
                    if (length < 0xF) {
                        throw new BadChunkException("XPRESS match length field " + length + " below 15");
                    }
                    length -= 0xF;
                }
                length += 0xF;
            }
            length += MIN_MATCH;
            int offset = (1 << offsetBits) + (int) bits.peek(offsetBits);
            bits.skip(offsetBits);
            if (offset > pos) {
                throw new BadChunkException("XPRESS match at output byte " + pos + " reaches back " + offset);
            }
            if (length > outLen - pos) {
                throw new BadChunkException("XPRESS match of " + length + " bytes at output byte " + pos
                        + " runs past the chunk's " + outLen + " bytes");
            }
            for (int i = 0; i < length; i++, pos++) {
                out[pos] = out[pos - offset];
            }
        }
    }

    /** Canonical Huffman code from the lengths: shorter codes first, then by symbol. */
    private void buildTable(byte[] in) throws BadChunkException {
        for (int i = 0; i < SYMBOLS; i++) {
            lengths[i] = (in[i >> 1] >>> ((i & 1) * 4)) & 0xF;
        }
        java.util.Arrays.fill(table, (short) -1);
        int code = 0;
        for (int len = 1; len <= MAX_CODE_LENGTH; len++) {
            for (int symbol = 0; symbol < SYMBOLS; symbol++) {
                if (lengths[symbol] != len) {
                    continue;
                }
                int span = 1 << (MAX_CODE_LENGTH - len);
                int start = code << (MAX_CODE_LENGTH - len);
                if (start + span > table.length) {
                    throw new BadChunkException("XPRESS Huffman code lengths are over-subscribed");
                }
                java.util.Arrays.fill(table, start, start + span, (short) (symbol << 4 | len));
                code++;
            }
            code <<= 1;
        }
    }

    /** The MS-XCA bit reader: 32 bits ahead, refilled 16 at a time; reading past the end gives zeros. */
    private static final class Bits {

        private final byte[] in;
        private int pos;
        private long next; // the next bits, most significant first, in the low 32 bits
        private int extra; // how many bits beyond the first 16 of next are valid

        Bits(byte[] in, int start) {
            this.in = in;
            this.pos = start;
            next = (long) word() << 16 | word();
            extra = 16;
        }

        long peek(int n) {
            return n == 0 ? 0 : next >>> (32 - n);
        }

        void skip(int n) {
            next = (next << n) & 0xFFFF_FFFFL;
            extra -= n;
            if (extra < 0) {
                next |= (long) word() << -extra;
                extra += 16;
            }
        }

        int readByte() throws BadChunkException {
            if (pos >= in.length) {
                throw new BadChunkException("XPRESS match length byte beyond the chunk's " + in.length + " bytes");
            }
            return in[pos++] & 0xFF;
        }

        private int word() {
            int w = pos + 1 < in.length ? (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8 : 0;
            pos += 2;
            return w;
        }
    }
}
