package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LZX and Quantum cabinets ({@link LzxCabinets}, checksums 0 so that damage reaches the decoders) cut at every
 * length and mutated with seeded byte changes: each read ends in the entries' bytes or a {@link FormatException},
 * never another exception, and all of them in bounded time.
 */
class CompressedCabinetTortureTest {

    private static final CabLimits LIMITS = new CabLimits(100, 64 << 20, 16 << 20);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyTruncationFailsTyped(boolean quantum) {
        byte[] data = LzxCabinets.mixed(70_000, 3);
        byte[] cab = quantum ? LzxCabinets.quantum("a.bin", data, 12) : LzxCabinets.of("a.bin", data, 16, 3, true);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int length = 0; length < cab.length; length += length < 600 ? 1 : 41) {
                byte[] cut = Arrays.copyOf(cab, length);
                if (length >= CabHeader.FIXED_SIZE) { // cbCabinet follows the cut, so the blocks are where it fails
                    ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(CabHeader.CB_CABINET, length);
                }
                assertThat(read(cut)).as("cut at %d", length).isFalse();
            }
        });
    }

    @Test
    void seededMutationsFailTypedOrReadAndQuickly() {
        Random random = Fixtures.random("lzx and quantum cabinet mutation");
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            int rejected = 0;
            for (int round = 0; round < 400; round++) {
                byte[] data = LzxCabinets.mixed(1 + random.nextInt(100_000), random.nextLong());
                byte[] cab = random.nextInt(3) == 0 ? LzxCabinets.quantum("a.bin", data, 10 + random.nextInt(12))
                        : LzxCabinets.of("a.bin", data, 15 + random.nextInt(7), random.nextLong(), random.nextBoolean());
                for (int variant = 0; variant < 5; variant++) {
                    byte[] bad = cab.clone();
                    for (int m = 1 + random.nextInt(6); m > 0; m--) {
                        int at = random.nextInt(bad.length);
                        bad[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                                : (byte) (bad[at] ^ 1 << random.nextInt(8));
                    }
                    if (!read(bad)) {
                        rejected++;
                    }
                }
            }
            assertThat(rejected).as("mutated cabinets rejected").isGreaterThan(500);
        });
    }

    /** @return true if the cabinet read, false if it failed with a FormatException (anything else fails the test) */
    private static boolean read(byte[] cab) throws Exception {
        try (Cabinet c = CabReader.open(cab, "t.cab", LIMITS)) {
            c.contents(e -> true);
            return true;
        } catch (FormatException expected) {
            return false;
        }
    }
}
