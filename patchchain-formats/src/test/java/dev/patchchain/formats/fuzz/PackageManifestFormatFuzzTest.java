package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.json.PackageManifestFormat;

/** Any bytes either read as a package manifest or fail with a {@link FormatException}. */
class PackageManifestFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        try {
            PackageManifestFormat.read(data, "fuzz.json");
        } catch (FormatException expected) {
            // the one allowed failure
        }
    }
}
