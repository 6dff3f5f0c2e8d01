package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.FormatException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A patch (the fuzz seed: {@code PlanMsiPatchTest}'s, written by our {@code PatchBuilder}) read whole, then truncated
 * and bit-flipped all over: each reads against its product, or fails with a {@link FormatException} (or the
 * {@link PatchNotApplicableException} of a patch for another product), nothing else.
 */
class MsiPatchTortureTest {

    @Test
    void theSeedReadsAndItsDamagedCopiesFailTyped() throws Exception {
        byte[] msp = resource("/dev/patchchain/formats/fuzz/MsiPatchFuzzTestInputs/readsOrFailsTyped/fix-msp");
        byte[] msi = resource("/dev/patchchain/formats/fuzz/MsiPatchFuzzTest-tool.msi");
        try (MsiDatabase product = MsiDatabase.open(msi, "tool.msi")) {
            MsiPackage p = MsiPatchReader.read(msp, "fix.msp", product);
            assertThat(p.pkg().id()).isEqualTo("Tool hotfix 1 for Tool 2.0.0");
            assertThat(p.pkg().files()).singleElement().satisfies(f -> {
                assertThat(f.target()).hasToString("C:\\Program Files (x86)\\Tool\\tool.dll");
                assertThat(f.version()).hasToString("2.0.1.0");
            });
            int step = Math.max(1, msp.length / 400);
            for (int i = 0; i < msp.length; i += step) {
                readsOrFailsTyped(Arrays.copyOf(msp, i), product, "cut at " + i);
                byte[] flipped = msp.clone();
                flipped[i] ^= (byte) (1 << (i % 8));
                readsOrFailsTyped(flipped, product, "bit flip at " + i);
            }
        }
    }

    private static void readsOrFailsTyped(byte[] data, MsiDatabase product, String what) {
        try {
            MsiPatchReader.read(data, what);
            assertThat(MsiPatchReader.read(data, what, product).pkg()).isNotNull();
        } catch (FormatException | PatchNotApplicableException expected) {
            // typed
        } catch (Exception | AssertionError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = MsiPatchTortureTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
