package dev.patchchain.formats.lzx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A small LZX encoder for tests, written from the format description ({@code docs/formats/cab.md#lzx}), so that
 * {@code cabextract} can be the oracle on inputs of any size: a cabinet made from its frames must extract to the
 * input, by {@code cabextract} and by us. It greedily finds matches (hash chains), uses the repeated offsets, applies
 * the E8 translation, and mixes verbatim, aligned-offset and uncompressed blocks of random sizes that span frames.
 * Its trees are Huffman codes of a first, counting pass, with random symbols left unused (so the pretree's runs
 * of zeros and of equal deltas occur), the same for every block of one stream.
 */
public final class LzxTestEncoder {

    private static final int[] BASE = new int[51];
    private static final int[] EXTRA = new int[51];

    static {
        for (int slot = 0; slot < EXTRA.length; slot++) {
            EXTRA[slot] = slot < 4 ? 0 : Math.min((slot - 2) / 2, 17);
            if (slot > 0) {
                BASE[slot] = BASE[slot - 1] + (1 << EXTRA[slot - 1]);
            }
        }
    }

    private final Random random;
    private final int windowBits;
    private final int translationSize;
    private final boolean wim;
    private final int mainSymbols;
    private byte[] mainLengths;
    private byte[] lengthLengths;
    private long[] mainCounts;
    private long[] lengthCounts;
    private final byte[] alignedLengths = {3, 3, 3, 3, 3, 3, 3, 3};
    private int[] mainCodes;
    private int[] lengthCodes;
    private int[] alignedCodes;
    private final byte[] previousMain;
    private final byte[] previousLength = new byte[249 + 64];
    private int r0 = 1;
    private int r1 = 1;
    private int r2 = 1;

    /**
     * @param seed            drives block types and sizes and the trees
     * @param windowBits      15..21
     * @param translationSize 0 for no E8 translation
     */
    public LzxTestEncoder(long seed, int windowBits, int translationSize) {
        this(seed, windowBits, translationSize, false);
    }

    /** @return an encoder of WIM chunks: 32 KiB window, no header, translation 12 000 000, WIM block sizes */
    public static LzxTestEncoder forWim(long seed) {
        return new LzxTestEncoder(seed, 15, 12_000_000, true);
    }

    private LzxTestEncoder(long seed, int windowBits, int translationSize, boolean wim) {
        this.wim = wim;
        this.random = new Random(seed);
        this.windowBits = windowBits;
        this.translationSize = translationSize;
        int slots = 0;
        while (BASE[slots] < 1 << windowBits) {
            slots++;
        }
        this.mainSymbols = 256 + 8 * slots;
        this.previousMain = new byte[mainSymbols + 64];
    }

    /** @return the compressed frames of {@code data}, one per 32 KiB of it (a cabinet's CFDATA blocks) */
    public List<byte[]> encode(byte[] data) {
        byte[] translated = data.clone();
        for (int frame = 0; frame * 32768 < data.length; frame++) {
            int start = frame * 32768;
            translate(translated, start, Math.min(32768, data.length - start));
        }
        mainLengths = new byte[mainSymbols];
        lengthLengths = new byte[249];
        Arrays.fill(mainLengths, (byte) 16);
        Arrays.fill(lengthLengths, (byte) 16);
        mainCounts = new long[mainSymbols];
        lengthCounts = new long[249];
        compress(translated);
        mainLengths = huffman(mainCounts, 256);
        lengthLengths = huffman(lengthCounts, 0);
        mainCounts = new long[mainSymbols];
        lengthCounts = new long[249];
        r0 = 1;
        r1 = 1;
        r2 = 1;
        Arrays.fill(previousMain, (byte) 0);
        Arrays.fill(previousLength, (byte) 0);
        return compress(translated);
    }

    private List<byte[]> compress(byte[] data) {
        mainCodes = canonical(mainLengths);
        lengthCodes = canonical(lengthLengths);
        alignedCodes = canonical(alignedLengths);
        Matcher matcher = new Matcher(data, 1 << windowBits);
        List<byte[]> frames = new ArrayList<>();
        BitWriter out = new BitWriter();
        if (!wim) {
            out.bits(translationSize != 0 ? 1 : 0, 1);
        }
        if (translationSize != 0 && !wim) {
            out.bits(translationSize >>> 16, 16);
            out.bits(translationSize & 0xFFFF, 16);
        }
        int pos = 0;
        int blockEnd = 0;
        int blockType = 0;
        int blockSize = 0;
        while (pos < data.length) {
            if (pos == blockEnd) {
                blockType = 1 + random.nextInt(3);
                blockSize = Math.min(data.length - pos, 1 + random.nextInt(random.nextBoolean() ? 70000 : 3000));
                blockEnd = pos + blockSize;
                writeHeader(out, blockType, blockSize);
            }
            int frameEnd = Math.min(data.length, (pos / 32768 + 1) * 32768);
            int limit = Math.min(blockEnd, frameEnd);
            if (blockType == 3) {
                out.raw(data, pos, limit - pos);
                pos = limit;
                if (pos == blockEnd && (blockSize & 1) == 1) {
                    out.raw(new byte[1], 0, 1);
                }
            } else {
                while (pos < limit) {
                    pos += encodeOne(out, matcher, data, pos, limit, blockType == 2);
                }
            }
            if (pos == frameEnd) {
                frames.add(out.takeFrame());
            }
        }
        return frames;
    }

    private void writeHeader(BitWriter out, int type, int size) {
        out.bits(type, 3);
        if (wim) {
            out.bits(size == 32768 ? 1 : 0, 1);
            if (size != 32768) {
                out.bits(size, 16);
            }
        } else {
            out.bits(size >>> 8, 16);
            out.bits(size & 0xFF, 8);
        }
        if (type == 3) {
            out.alignForBytes();
            byte[] r = new byte[12];
            int[] values = {r0, r1, r2};
            for (int i = 0; i < 3; i++) {
                for (int b = 0; b < 4; b++) {
                    r[i * 4 + b] = (byte) (values[i] >>> (8 * b));
                }
            }
            out.raw(r, 0, 12);
            return;
        }
        if (type == 2) {
            for (byte len : alignedLengths) {
                out.bits(len, 3);
            }
        }
        writeLengths(out, mainLengths, previousMain, 0, 256);
        writeLengths(out, mainLengths, previousMain, 256, mainSymbols);
        writeLengths(out, lengthLengths, previousLength, 0, 249);
    }

    /** A pretree (12 codes of 4 bits, 8 of 5), then the lengths as deltas, runs of zeros and runs of one delta. */
    private void writeLengths(BitWriter out, byte[] lengths, byte[] previous, int from, int to) {
        byte[] pre = new byte[20];
        for (int i = 0; i < 20; i++) {
            pre[i] = (byte) (i < 12 ? 4 : 5);
            out.bits(pre[i], 4);
        }
        int[] preCodes = canonical(pre);
        int i = from;
        while (i < to) {
            int run = 1;
            while (i + run < to && lengths[i + run] == lengths[i]) {
                run++;
            }
            if (lengths[i] == 0 && run >= 4) {
                run = Math.min(run, run >= 20 ? 51 : 19);
                int spill = 0;
                if (i + run == to && random.nextInt(3) == 0) {
                    // a zero run past the range's end: decoders write the zeros into the next range's "previous"
                    spill = random.nextInt((run >= 20 ? 51 : 19) - run + 1);
                }
                out.bits(preCodes[run + spill >= 20 ? 18 : 17], pre[run + spill >= 20 ? 18 : 17]);
                out.bits(run + spill >= 20 ? run + spill - 20 : run + spill - 4, run + spill >= 20 ? 5 : 4);
                Arrays.fill(previous, to, to + spill, (byte) 0);
            } else if (run >= 4) {
                run = Math.min(run, 5);
                int delta = Math.floorMod(previous[i] - lengths[i], 17);
                out.bits(preCodes[19], pre[19]);
                out.bits(run - 4, 1);
                out.bits(preCodes[delta], pre[delta]);
            } else {
                run = 1;
                int delta = Math.floorMod(previous[i] - lengths[i], 17);
                out.bits(preCodes[delta], pre[delta]);
            }
            i += run;
        }
        System.arraycopy(lengths, from, previous, from, to - from);
    }

    /** @return how many bytes one literal or match covered */
    private int encodeOne(BitWriter out, Matcher matcher, byte[] data, int pos, int limit, boolean aligned) {
        int[] match = matcher.find(pos, Math.min(257, limit - pos), r0);
        if (match != null && emitMatch(out, match[0], match[1], aligned)) {
            matcher.insert(pos, match[0]);
            return match[0];
        }
        int literal = data[pos] & 0xFF;
        mainCounts[literal]++;
        out.bits(mainCodes[literal], mainLengths[literal]);
        matcher.insert(pos, 1);
        return 1;
    }

    private boolean emitMatch(BitWriter out, int length, int offset, boolean aligned) {
        int slot;
        int formatted = 0;
        if (offset == r0) {
            slot = 0;
        } else if (offset == r1) {
            slot = 1;
        } else if (offset == r2) {
            slot = 2;
        } else {
            formatted = offset + 2;
            slot = 3;
            while (BASE[slot + 1] <= formatted) {
                slot++;
            }
        }
        int header = Math.min(length - 2, 7);
        int symbol = 256 + slot * 8 + header;
        if (mainLengths[symbol] == 0 || header == 7 && lengthLengths[length - 9] == 0) {
            return false;
        }
        mainCounts[symbol]++;
        out.bits(mainCodes[symbol], mainLengths[symbol]);
        if (header == 7) {
            lengthCounts[length - 9]++;
            out.bits(lengthCodes[length - 9], lengthLengths[length - 9]);
        }
        switch (slot) {
            case 0 -> { }
            case 1 -> {
                r1 = r0;
                r0 = offset;
            }
            case 2 -> {
                r2 = r0;
                r0 = offset;
            }
            default -> {
                int verbatim = formatted - BASE[slot];
                int extra = EXTRA[slot];
                if (aligned && extra >= 3) {
                    out.bits(verbatim >>> 3, extra - 3);
                    out.bits(alignedCodes[verbatim & 7], alignedLengths[verbatim & 7]);
                } else {
                    out.bits(verbatim, extra);
                }
                r2 = r1;
                r1 = r0;
                r0 = offset;
            }
        }
        return true;
    }

    /** The encoder's side of the E8 translation: relative CALL operands become absolute. */
    private void translate(byte[] data, int start, int length) {
        if (translationSize == 0 || length <= 10) {
            return;
        }
        for (int i = start; i < start + length - 10; i++) {
            if ((data[i] & 0xFF) != 0xE8) {
                continue;
            }
            int at = i;
            int rel = data[i + 1] & 0xFF | (data[i + 2] & 0xFF) << 8 | (data[i + 3] & 0xFF) << 16 | data[i + 4] << 24;
            if (rel >= -at && rel < translationSize) {
                int abs = rel < translationSize - at ? rel + at : rel - translationSize;
                for (int b = 0; b < 4; b++) {
                    data[i + 1 + b] = (byte) (abs >>> (8 * b));
                }
            }
            i += 4;
        }
    }

    /**
     * Huffman code lengths (at most 16) for the counts; the first {@code required} symbols always get a code, a random
     * tenth of the others and the unused ones none (all of them, if none was used), the rest at least a long one.
     */
    private byte[] huffman(long[] counts, int required) {
        int n = counts.length;
        long[] weight = new long[2 * n];
        for (int s = 0; s < n; s++) {
            boolean drop = s >= required && (counts[s] == 0 || random.nextInt(10) == 0);
            weight[s] = drop ? 0 : counts[s] + 1;
        }
        int used = (int) Arrays.stream(weight, 0, n).filter(w -> w > 0).count();
        if (used == 0) {
            return new byte[n]; // an empty code (the length tree of a stream without long matches)
        }
        for (int s = 0; used < 2; s++) {
            if (weight[s] == 0) {
                weight[s] = 1;
                used++;
            }
        }
        while (true) {
            int[] parent = new int[2 * n];
            PriorityQueue<Integer> queue = new PriorityQueue<>(
                    Comparator.<Integer>comparingLong(i -> weight[i]).thenComparingInt(i -> i));
            for (int s = 0; s < n; s++) {
                if (weight[s] > 0) {
                    queue.add(s);
                }
            }
            int next = n;
            while (queue.size() > 1) {
                int a = queue.poll();
                int b = queue.poll();
                weight[next] = weight[a] + weight[b];
                parent[a] = next;
                parent[b] = next;
                queue.add(next++);
            }
            int root = next - 1;
            byte[] lengths = new byte[n];
            int longest = 0;
            for (int s = 0; s < n; s++) {
                if (weight[s] > 0) {
                    int depth = 0;
                    for (int node = s; node != root; node = parent[node]) {
                        depth++;
                    }
                    lengths[s] = (byte) Math.min(depth, 127);
                    longest = Math.max(longest, depth);
                }
            }
            if (longest <= 16) {
                return lengths;
            }
            for (int s = 0; s < n; s++) {
                weight[s] = weight[s] == 0 ? 0 : weight[s] / 2 + 1;
            }
        }
    }

    private static int[] canonical(byte[] lengths) {
        int[] codes = new int[lengths.length];
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] == len) {
                    codes[s] = code++;
                }
            }
            code <<= 1;
        }
        return codes;
    }

    /** Hash chains over 3-byte prefixes. */
    private static final class Matcher {
        private final byte[] data;
        private final int window;
        private final int[] head = new int[1 << 15];
        private final int[] prev;

        Matcher(byte[] data, int window) {
            this.data = data;
            this.window = window;
            this.prev = new int[data.length];
            Arrays.fill(head, -1);
        }

        /** @return {length, offset} of a match of at least 3 bytes (the repeated offset R0 first), or null */
        int[] find(int pos, int max, int r0) {
            if (max < 3 || pos + 3 > data.length) {
                return null;
            }
            int best = 0;
            int bestOffset = 0;
            if (r0 <= pos) {
                best = common(pos - r0, pos, max);
                bestOffset = r0;
            }
            int candidate = head[hash(pos)];
            for (int chain = 0; chain < 16 && candidate >= 0 && pos - candidate <= window - 3; chain++) {
                int len = common(candidate, pos, max);
                if (len > best + 1) {
                    best = len;
                    bestOffset = pos - candidate;
                }
                candidate = prev[candidate];
            }
            return best >= 3 ? new int[] {best, bestOffset} : null;
        }

        private int common(int from, int pos, int max) {
            int len = 0;
            while (len < max && data[from + len] == data[pos + len]) {
                len++;
            }
            return len;
        }

        void insert(int pos, int count) {
            for (int p = pos; p < pos + count && p + 3 <= data.length; p++) {
                int h = hash(p);
                prev[p] = head[h];
                head[h] = p;
            }
        }

        private int hash(int p) {
            int v = (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | data[p + 2] & 0xFF;
            return (v * 0x9E3779B1) >>> 17;
        }
    }

    /** Bits into 16-bit little-endian words, most significant bit first; a frame ends 16-bit aligned. */
    private static final class BitWriter {
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        private int word;
        private int used;

        void bits(int value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                word = word << 1 | (value >>> i & 1);
                if (++used == 16) {
                    frame.write(word & 0xFF);
                    frame.write(word >>> 8 & 0xFF);
                    word = 0;
                    used = 0;
                }
            }
        }

        /** 1–16 bits of padding: an uncompressed block's header. */
        void alignForBytes() {
            bits(0, 16 - used);
        }

        void raw(byte[] data, int off, int len) {
            frame.write(data, off, len);
        }

        byte[] takeFrame() {
            if (used > 0) {
                bits(0, 16 - used);
            }
            byte[] bytes = frame.toByteArray();
            frame.reset();
            return bytes;
        }
    }
}
