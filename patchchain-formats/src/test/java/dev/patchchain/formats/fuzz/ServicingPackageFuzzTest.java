package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.cab.CabLimits;
import dev.patchchain.formats.cab.CabReader;
import dev.patchchain.formats.cab.Cabinet;
import dev.patchchain.formats.cab.ServicingPackageReader;
import java.io.IOException;

/**
 * Any bytes either open as a cabinet, expand and read as a servicing package, or fail with a
 * {@link FormatException}. Seeds in {@code ServicingPackageFuzzTestInputs}, made with {@code gcab}: {@code stored}
 * ({@code gcab -c} of two small texts), {@code mszip} ({@code gcab -cz} of the same), {@code servicing}
 * ({@code gcab -cz} of {@code update.mum}, {@code c.manifest} and {@code c/f.dll}) and {@code msu} ({@code gcab -c}
 * of that cabinet as {@code k.cab}), {@code lzx} ({@code LzxCabinets.of("a.txt", LzxCabinets.mixed(40_000, 1), 15,
 * 1, true)}, an LZX cabinet from the test encoder), {@code quantum} ({@code LzxCabinets.quantum("a.txt",
 * LzxCabinets.mixed(40_000, 1), 12)}) and {@code express} ({@code gcab -c} of {@code k.wim}, made by
 * {@code wimlib-imagex capture --compress=XPRESS} of the same three files, and a dummy {@code k.psf}). Plain
 * {@code mvn verify} replays them; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ServicingPackageFuzzTest {

    private static final CabLimits LIMITS = new CabLimits(1_000, 64 << 20, 16 << 20);

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) throws IOException {
        try (Cabinet cab = CabReader.open(data, "fuzz.cab", LIMITS)) {
            cab.contents(e -> true);
        } catch (FormatException expected) {
            return;
        }
        try {
            ServicingPackageReader.read(data, "fuzz.msu", LIMITS);
        } catch (FormatException expected) {
            // not a servicing package, or a damaged one
        }
    }
}
