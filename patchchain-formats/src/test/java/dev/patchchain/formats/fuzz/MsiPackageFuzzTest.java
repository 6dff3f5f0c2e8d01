package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.msi.MsiPackageReader;
import java.io.IOException;

/**
 * Any bytes either read as an MSI package or fail with a {@link FormatException}. Seed in
 * {@code MsiPackageFuzzTestInputs}: {@code tool-msi}, made by {@code wixl -o t.msi MsiPackageFuzzTest-tool.wxs}
 * (one component, one file, two registry values) and {@code empty} (a finding: POI threw on no bytes). Plain {@code mvn verify} replays it; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MsiPackageFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) throws IOException {
        try {
            MsiPackageReader.read(data, "fuzz.msi");
        } catch (FormatException expected) {
            // not an MSI, or a damaged one
        }
    }
}
