package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quantum cabinets written by {@link LzxCabinets#quantum} ({@link QuantumTestEncoder}: literals, 3-, 4- and long
 * matches, model halving and re-sorting, frames) must extract to their input by {@code cabextract} (so the fixture
 * is real Quantum) and by us.
 */
class QuantumCabinetOracleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: window 2^{1}")
    @CsvSource({
        "mixed-small, 10",
        "mixed, 10",
        "mixed, 15",
        "mixed, 21",
        "libjvm, 20",
        "zeros, 16",
    })
    void cabextractAndWeExtractTheInput(String input, int windowBits) throws Exception {
        byte[] data = LzxCabinetOracleTest.input(input, windowBits);
        Path cab = dir.resolve(input + ".cab");
        Files.write(cab, LzxCabinets.quantum(input + ".bin", data, windowBits));
        Path out = dir.resolve("out");
        CabTools.extract(cab, out);
        assertThat(Files.readAllBytes(out.resolve(input + ".bin"))).as("cabextract").isEqualTo(data);
        try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
            assertThat(c.contents(e -> true).values().iterator().next()).as("us").isEqualTo(data);
        }
    }
}
