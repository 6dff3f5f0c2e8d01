package dev.patchchain.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.lzx.LzxDecoder;
import dev.patchchain.formats.lzx.LzxTestEncoder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Any bytes, decoded as LZX, expand or fail with a {@link FormatException}; nothing else is thrown, nothing hangs.
 * {@code decodesCabFramesOrFailsTyped}: byte 0 picks the window (2^(15 + b % 7)), then frames follow as
 * {@code cbUncomp} (u16 LE, taken modulo 32 769), {@code cbData} (u16 LE) and the data, as a cabinet folder's
 * CFDATA blocks. {@code decodesWimChunkOrFailsTyped}: a u16 LE chunk size (modulo 32 769), then one WIM chunk.
 * Seeds in {@code LzxDecoderFuzzTestInputs} are made by {@link #cabSeed} and {@link #wimSeed} from
 * {@link LzxTestEncoder} streams, which {@link #seedsAreTheirRecipe} checks.
 */
class LzxDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodesCabFramesOrFailsTyped(byte[] data) {
        if (data.length == 0) {
            return;
        }
        LzxDecoder lzx = LzxDecoder.forCab(LzxDecoder.MIN_WINDOW_BITS + (data[0] & 0xFF) % 7);
        int at = 1;
        try {
            while (at + 4 <= data.length) {
                int size = u16(data, at) % (LzxDecoder.FRAME_SIZE + 1);
                int length = Math.min(u16(data, at + 2), data.length - at - 4);
                byte[] out = new byte[size];
                int used = lzx.decode(data, at + 4, length, out, 0, size, "fuzz.cab", at + 4);
                assertThat(used).isBetween(0, length);
                at += 4 + length;
            }
        } catch (FormatException expected) {
            // corrupt LZX
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decodesWimChunkOrFailsTyped(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int size = u16(data, 0) % (LzxDecoder.FRAME_SIZE + 1);
        try {
            LzxDecoder.decodeWimChunk(data, 2, data.length - 2, new byte[size], 0, size, "fuzz.wim", 2);
        } catch (FormatException expected) {
            // corrupt LZX
        }
    }

    @Test
    void seedsAreTheirRecipe() throws Exception {
        assertThat(resource("decodesCabFramesOrFailsTyped/text-window16-e8")).isEqualTo(cabSeed());
        assertThat(resource("decodesWimChunkOrFailsTyped/text")).isEqualTo(wimSeed());
    }

    /** @return 70 000 bytes of text with E8 bytes, {@code LzxTestEncoder(7, 16, 12000000)}, as fuzz frames */
    static byte[] cabSeed() {
        byte[] data = text(70_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // window 2^16
        List<byte[]> frames = new LzxTestEncoder(7, 16, 12_000_000).encode(data);
        for (int i = 0; i < frames.size(); i++) {
            int size = Math.min(LzxDecoder.FRAME_SIZE, data.length - i * LzxDecoder.FRAME_SIZE);
            byte[] f = frames.get(i);
            out.write(size & 0xFF);
            out.write(size >>> 8);
            out.write(f.length & 0xFF);
            out.write(f.length >>> 8);
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** @return 3 000 bytes of that text as a WIM chunk, {@code LzxTestEncoder.forWim(7)} */
    static byte[] wimSeed() {
        byte[] data = text(3_000);
        byte[] chunk = LzxTestEncoder.forWim(7).encode(data).get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data.length & 0xFF);
        out.write(data.length >>> 8);
        out.writeBytes(chunk);
        return out.toByteArray();
    }

    private static byte[] text(int size) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < size; i++) {
            s.append("call ").append(i % 97).append('\u00e8').append("KB").append(i * 31 % 1000).append("\r\n");
        }
        return java.util.Arrays.copyOf(s.toString().getBytes(StandardCharsets.ISO_8859_1), size);
    }

    private static int u16(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = LzxDecoderFuzzTest.class.getResourceAsStream("LzxDecoderFuzzTestInputs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
