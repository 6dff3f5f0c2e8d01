package dev.patchchain.formats.lzx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder on streams of {@link LzxTestEncoder} (whose cabinets {@code cabextract} checks in
 * {@code LzxCabinetOracleTest}): frame by frame, WIM chunks, and corrupt input, which must only ever be a
 * {@link FormatException}.
 */
class LzxDecoderTest {

    @Test
    void decodesACabStreamFrameByFrame() throws Exception {
        byte[] data = text(200_000);
        List<byte[]> frames = new LzxTestEncoder(3, 17, 12_000_000).encode(data);
        assertThat(frames).hasSize(7);
        LzxDecoder lzx = LzxDecoder.forCab(17);
        byte[] out = new byte[data.length];
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            int size = Math.min(LzxDecoder.FRAME_SIZE, data.length - i * LzxDecoder.FRAME_SIZE);
            int used = lzx.decode(f, 0, f.length, out, i * LzxDecoder.FRAME_SIZE, size, "t.cab", 0);
            assertThat(used).as("frame %d", i).isEqualTo(f.length);
        }
        assertThat(out).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 11, 15, 100, 4097, 32767, 32768})
    void decodesWimChunks(int size) throws Exception {
        byte[] data = text(size);
        for (int i = 0; i + 5 <= size; i += 97) {
            data[i] = (byte) 0xE8; // CALLs, to be translated
        }
        for (long seed = 0; seed < 5; seed++) {
            byte[] chunk = LzxTestEncoder.forWim(seed).encode(data).get(0);
            byte[] out = new byte[size + 4];
            LzxDecoder.decodeWimChunk(chunk, 0, chunk.length, out, 2, size, "x.wim", 0x100);
            assertThat(Arrays.copyOfRange(out, 2, 2 + size)).as("seed %d", seed).isEqualTo(data);
        }
    }

    @Test
    void aShortFrameIsCorruptWithSourceAndOffset() {
        byte[] data = text(30_000);
        byte[] frame = new LzxTestEncoder(1, 15, 0).encode(data).get(0);
        for (int cut = 0; cut < frame.length; cut += cut < 64 ? 1 : 37) {
            int length = cut;
            Throwable t = catchThrowable(() -> LzxDecoder.forCab(15).decode(frame, 0, length, new byte[data.length],
                    0, data.length, "cut.cab", 0x1000));
            assertThat(t).as("cut at %d", cut).isInstanceOfSatisfying(FormatException.class, e -> {
                assertThat(e.source()).isEqualTo("cut.cab");
                assertThat(e.offset()).isBetween(0x1000L, 0x1000L + length);
            }).hasMessageContaining("LZX: ");
        }
    }

    @Test
    void moreOutputThanTheStreamHoldsIsCorrupt() {
        byte[] frame = new LzxTestEncoder(1, 15, 0).encode(text(1000)).get(0);
        assertThatThrownBy(() -> LzxDecoder.forCab(15).decode(frame, 0, frame.length, new byte[2000], 0, 2000,
                "x.cab", 0)).isInstanceOf(FormatException.class);
    }

    @Test
    void misuseIsAProgrammingError() {
        LzxDecoder lzx = LzxDecoder.forCab(15);
        assertThatThrownBy(() -> LzxDecoder.forCab(22)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lzx.decode(new byte[4], 0, 4, new byte[40000], 0, 40000, "x", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lzx.decode(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0, 2, new byte[10], 0, 10, "x", 0))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> lzx.decode(new byte[4], 0, 4, new byte[10], 0, 10, "x", 0))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Seeded byte mutations of whole streams: each stream decodes or fails typed, and all of it in bounded time. */
    @Test
    void mutatedStreamsFailTypedAndQuickly() {
        Random random = Fixtures.random("lzx mutation");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int failed = 0;
            for (int round = 0; round < 1500; round++) {
                int windowBits = 15 + random.nextInt(7);
                byte[] data = random.nextBoolean() ? text(1 + random.nextInt(100_000)) : binary(random);
                List<byte[]> frames = new LzxTestEncoder(random.nextLong(), windowBits,
                        random.nextBoolean() ? 12_000_000 : 0).encode(data);
                List<byte[]> mutated = frames.stream().map(byte[]::clone).toList();
                int mutations = 1 + random.nextInt(8);
                for (int m = 0; m < mutations; m++) {
                    byte[] f = mutated.get(random.nextInt(mutated.size()));
                    if (f.length > 0) {
                        int at = random.nextInt(Math.min(f.length, random.nextBoolean() ? 64 : f.length));
                        f[at] = random.nextInt(3) == 0 ? (byte) random.nextInt(256)
                                : (byte) (f[at] ^ 1 << random.nextInt(8));
                    }
                }
                LzxDecoder lzx = LzxDecoder.forCab(windowBits);
                try {
                    for (int i = 0; i < mutated.size(); i++) {
                        byte[] f = mutated.get(i);
                        int size = Math.min(LzxDecoder.FRAME_SIZE, data.length - i * LzxDecoder.FRAME_SIZE);
                        lzx.decode(f, 0, f.length, new byte[size], 0, size, "m.cab", 0);
                    }
                } catch (FormatException expected) {
                    failed++;
                }
            }
            assertThat(failed).as("mutations that were detected").isGreaterThan(500);
        });
    }

    private static byte[] text(int size) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < size; i++) {
            s.append("line ").append(i % 313).append(": Windows6.1-KB").append(i * 7919 % 100_000).append("\r\n");
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), size);
    }

    private static byte[] binary(Random random) {
        byte[] data = new byte[1 + random.nextInt(70_000)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : i / 64);
        }
        return data;
    }
}
