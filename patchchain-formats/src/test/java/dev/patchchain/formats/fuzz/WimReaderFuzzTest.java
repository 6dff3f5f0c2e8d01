package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.wim.WimEntry;
import dev.patchchain.formats.wim.WimFile;
import dev.patchchain.formats.wim.WimLimits;
import dev.patchchain.formats.wim.WimReader;
import java.io.IOException;

/**
 * Any bytes either open as a WIM whose images list and whose files expand (SHA-1 checked), or fail with a
 * {@link FormatException}. Seeds in {@code WimReaderFuzzTestInputs}: {@code seed-none.wim}, {@code seed-xpress.wim},
 * {@code seed-lzx.wim}, made with {@code wimlib-imagex capture t seed-X.wim seed --compress=X}, and
 * {@code seed-xpress-solid.wim} (the same with {@code --solid --solid-compress=XPRESS}), of a tree holding
 * {@code a.txt} (680 bytes of repeated words), {@code d/b.txt} and {@code d/link.txt} (a hard link to {@code a.txt}).
 * Plain {@code mvn verify} replays them; {@code JAZZER_FUZZ=1} fuzzes.
 */
class WimReaderFuzzTest {

    private static final WimLimits LIMITS = new WimLimits(1_000, 1 << 20, 1 << 20);

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) throws IOException {
        try (WimFile wim = WimReader.open(data, "fuzz.wim", LIMITS)) {
            for (int i = 1; i <= Math.min(wim.imageCount(), 4); i++) {
                for (WimEntry e : wim.image(i).entries()) {
                    if (!e.directory()) {
                        wim.contents(e);
                    }
                }
            }
        } catch (FormatException expected) {
            // not a WIM, a damaged one, or one we do not read
        }
    }
}
