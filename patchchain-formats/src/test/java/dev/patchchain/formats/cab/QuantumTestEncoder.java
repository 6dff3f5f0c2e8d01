package dev.patchchain.formats.cab;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small Quantum encoder for tests ({@code docs/formats/cab.md#quantum}), so that {@code cabextract} can be the
 * oracle: greedy matches of 3, 4 and 5–259 bytes inside each 32 KiB frame, the arithmetic coder over the same
 * {@link QuantumModel}s the decoder keeps (so model halving and re-sorting happen), restarted at each frame. Raw
 * extra bits go where the decoder reads them: after the code bits its 16-bit register has taken so far.
 */
final class QuantumTestEncoder {

    private static final int FRAME = 32768;
    private static final int[] POSITION_BASE = new int[42];
    private static final int[] POSITION_EXTRA = new int[42];
    private static final int[] LENGTH_BASE = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 18, 22, 26, 30, 38, 46, 54, 62, 78,
        94, 110, 126, 158, 190, 222, 254};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};

    static {
        for (int slot = 0; slot < POSITION_BASE.length; slot++) {
            POSITION_EXTRA[slot] = slot < 2 ? 0 : slot / 2 - 1;
            if (slot > 0) {
                POSITION_BASE[slot] = POSITION_BASE[slot - 1] + (1 << POSITION_EXTRA[slot - 1]);
            }
        }
    }

    private final int window;
    private final QuantumModel selector = new QuantumModel(0, 7);
    private final QuantumModel[] literals = new QuantumModel[4];
    private final QuantumModel match3;
    private final QuantumModel match4;
    private final QuantumModel matchLong;
    private final QuantumModel matchLength = new QuantumModel(0, 27);

    // the current frame's coder
    private int low;
    private int high;
    private int pending;
    private int shifts;
    private List<Boolean> codeBits;
    private List<int[]> raw;

    QuantumTestEncoder(int windowBits) {
        this.window = 1 << windowBits;
        for (int m = 0; m < 4; m++) {
            literals[m] = new QuantumModel(m * 64, 64);
        }
        match3 = new QuantumModel(0, Math.min(windowBits * 2, 24));
        match4 = new QuantumModel(0, Math.min(windowBits * 2, 36));
        matchLong = new QuantumModel(0, windowBits * 2);
    }

    /** @return one compressed frame per 32 KiB of {@code data} */
    List<byte[]> encode(byte[] data) {
        int[] head = new int[1 << 16];
        int[] prev = new int[data.length];
        Arrays.fill(head, -1);
        List<byte[]> frames = new ArrayList<>();
        for (int start = 0; start < data.length; start += FRAME) {
            int end = Math.min(data.length, start + FRAME);
            low = 0;
            high = 0xFFFF;
            pending = 0;
            shifts = 0;
            codeBits = new ArrayList<>();
            raw = new ArrayList<>();
            int pos = start;
            while (pos < end) {
                int[] match = find(data, head, prev, pos, end);
                int length = match == null ? 0 : match[0];
                if (length == 0 || !emitMatch(length, match[1])) {
                    int b = data[pos] & 0xFF;
                    encode(selector, b >> 6);
                    encode(literals[b >> 6], b);
                    length = 1;
                }
                for (int p = pos; p < pos + length; p++) {
                    insert(data, head, prev, p);
                }
                pos += length;
            }
            frames.add(finish());
        }
        return frames;
    }

    private boolean emitMatch(int length, int offset) {
        int slot = 0;
        while (slot + 1 < POSITION_BASE.length && POSITION_BASE[slot + 1] <= offset - 1) {
            slot++;
        }
        QuantumModel positions = length == 3 ? match3 : length == 4 ? match4 : matchLong;
        if (slot >= positions.entries) {
            return false;
        }
        if (length == 3 || length == 4) {
            encode(selector, length + 1);
        } else {
            int lengthSlot = 0;
            while (lengthSlot + 1 < LENGTH_BASE.length && LENGTH_BASE[lengthSlot + 1] <= length - 5) {
                lengthSlot++;
            }
            encode(selector, 6);
            encode(matchLength, lengthSlot);
            raw(length - 5 - LENGTH_BASE[lengthSlot], LENGTH_EXTRA[lengthSlot]);
        }
        encode(positions, slot);
        raw(offset - 1 - POSITION_BASE[slot], POSITION_EXTRA[slot]);
        return true;
    }

    /** @return {length, offset} of the longest match of 3..259 bytes found inside the frame, or null */
    private int[] find(byte[] data, int[] head, int[] prev, int pos, int end) {
        int max = Math.min(259, end - pos);
        if (max < 3) {
            return null;
        }
        int best = 0;
        int bestOffset = 0;
        int candidate = head[hash(data, pos)];
        for (int chain = 0; chain < 32 && candidate >= 0 && pos - candidate <= window; chain++) {
            int len = 0;
            while (len < max && data[candidate + len] == data[pos + len]) {
                len++;
            }
            if (len > best) {
                best = len;
                bestOffset = pos - candidate;
            }
            candidate = prev[candidate];
        }
        return best >= 3 ? new int[] {best, bestOffset} : null;
    }

    private static void insert(byte[] data, int[] head, int[] prev, int p) {
        if (p + 3 <= data.length) {
            int h = hash(data, p);
            prev[p] = head[h];
            head[h] = p;
        }
    }

    private static int hash(byte[] data, int p) {
        if (p + 3 > data.length) {
            return 0;
        }
        int v = (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | data[p + 2] & 0xFF;
        return (v * 0x9E3779B1) >>> 16;
    }

    private void encode(QuantumModel model, int symbol) {
        int k = 0;
        while (model.symbols[k] != symbol) {
            k++;
        }
        int range = high - low + 1;
        int total = model.cumfreq[0];
        high = low + (int) ((long) model.cumfreq[k] * range / total) - 1;
        low = low + (int) ((long) model.cumfreq[k + 1] * range / total);
        model.update(k);
        while (true) {
            if ((low & 0x8000) == (high & 0x8000)) {
                bit((low & 0x8000) != 0);
            } else if ((low & 0x4000) != 0 && (high & 0x4000) == 0) {
                pending++;
                low &= 0x3FFF;
                high |= 0x4000;
            } else {
                break;
            }
            low = (low << 1) & 0xFFFF;
            high = ((high << 1) | 1) & 0xFFFF;
            shifts++;
        }
    }

    private void bit(boolean one) {
        codeBits.add(one);
        for (; pending > 0; pending--) {
            codeBits.add(!one);
        }
    }

    /** Raw bits are read by the decoder after the 16 + shifts code bits its register holds by then. */
    private void raw(int value, int n) {
        if (n > 0) {
            raw.add(new int[] {16 + shifts, value, n});
        }
    }

    private byte[] finish() {
        pending++;
        bit(low >= 0x4000);
        int needed = 16 + shifts;
        while (codeBits.size() < needed) {
            codeBits.add(false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int n = 0;
        int r = 0;
        for (int i = 0; i <= codeBits.size(); i++) {
            while (r < raw.size() && raw.get(r)[0] == i) {
                int[] chunk = raw.get(r++);
                for (int b = chunk[2] - 1; b >= 0; b--) {
                    acc = acc << 1 | (chunk[1] >>> b & 1);
                    if (++n == 8) {
                        out.write(acc);
                        acc = 0;
                        n = 0;
                    }
                }
            }
            if (i < codeBits.size()) {
                acc = acc << 1 | (codeBits.get(i) ? 1 : 0);
                if (++n == 8) {
                    out.write(acc);
                    acc = 0;
                    n = 0;
                }
            }
        }
        if (n > 0) {
            out.write(acc << (8 - n));
        }
        return out.toByteArray();
    }
}
