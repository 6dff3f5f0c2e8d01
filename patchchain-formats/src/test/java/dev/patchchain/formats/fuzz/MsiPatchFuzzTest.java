package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.msi.MsiDatabase;
import dev.patchchain.formats.msi.MsiPatchReader;
import dev.patchchain.formats.msi.PatchNotApplicableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Any bytes either read as an MSI patch, alone and against its product, or fail with a {@link FormatException}
 * (or, against the product, the {@link PatchNotApplicableException} of a patch for another product). The product
 * {@code MsiPatchFuzzTest-tool.msi} is {@code PlanMsiPatchTest}'s (wixl); the seed {@code fix-msp} is that test's
 * patch of it, written by {@code dev.patchchain.testing.msi.PatchBuilder}; {@code finding-poi-negative-chain-size}
 * made POI throw an {@link IllegalArgumentException} of its own, which passed through as if the patch were for another
 * product (now corrupt). Plain {@code mvn verify} replays the seed;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class MsiPatchFuzzTest {

    private static final byte[] PRODUCT = product();

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) throws IOException {
        try {
            MsiPatchReader.read(data, "fuzz.msp");
        } catch (FormatException expected) {
            // not a patch, or a damaged one
        }
        try (MsiDatabase target = MsiDatabase.open(PRODUCT, "tool.msi")) {
            MsiPatchReader.read(data, "fuzz.msp", target);
        } catch (FormatException | PatchNotApplicableException expected) {
            // not a patch, a damaged one, or one for another product
        }
    }

    private static byte[] product() {
        try (InputStream in = MsiPatchFuzzTest.class.getResourceAsStream("MsiPatchFuzzTest-tool.msi")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
