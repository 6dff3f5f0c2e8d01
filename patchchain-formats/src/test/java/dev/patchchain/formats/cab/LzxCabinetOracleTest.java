package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LZX cabinets written by {@link LzxCabinets} ({@code LzxTestEncoder}: every block type, blocks spanning frames,
 * repeated offsets, E8 translation, windows 2^15..2^21) must extract to their input by {@code cabextract} (so the
 * fixture is real LZX) and by us.
 */
class LzxCabinetOracleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: window 2^{1}, seed {2}, e8 {3}")
    @CsvSource({
        "mixed-small, 15, 1, false",
        "mixed, 15, 2, true",
        "mixed, 16, 3, true",
        "mixed, 17, 4, false",
        "mixed, 18, 5, true",
        "mixed, 19, 6, true",
        "mixed, 20, 7, false",
        "mixed, 21, 8, true",
        "libjvm, 21, 9, true",
        "libjvm, 16, 10, true",
        "zeros, 15, 11, false",
    })
    void cabextractAndWeExtractTheInput(String input, int windowBits, long seed, boolean e8) throws Exception {
        byte[] data = input(input, seed);
        Path cab = dir.resolve(input + ".cab");
        Files.write(cab, LzxCabinets.of(input + ".bin", data, windowBits, seed, e8));
        Path out = dir.resolve("out");
        CabTools.extract(cab, out);
        assertThat(Files.readAllBytes(out.resolve(input + ".bin"))).as("cabextract").isEqualTo(data);
        try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
            Map<CabEntry, byte[]> contents = c.contents(e -> true);
            assertThat(contents.values().iterator().next()).as("us").isEqualTo(data);
        }
    }

    static byte[] input(String name, long seed) throws Exception {
        return switch (name) {
            case "mixed-small" -> LzxCabinets.mixed(5_000, seed);
            case "mixed" -> LzxCabinets.mixed(400_000, seed);
            case "zeros" -> new byte[100_000];
            case "libjvm" -> {
                byte[] jvm = Files.readAllBytes(Path.of(System.getProperty("java.home"), "lib/server/libjvm.so"));
                yield Arrays.copyOf(jvm, Math.min(jvm.length, 3 << 20));
            }
            default -> throw new IllegalArgumentException(name);
        };
    }
}
