package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.inventory.InstalledUpdatesReader;

/** Any bytes either read as an installed-update capture or fail with a {@link FormatException}. */
class InstalledUpdatesReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        try {
            InstalledUpdatesReader.read(data, "fuzz.txt");
        } catch (FormatException expected) {
            // not a capture we know
        }
    }
}
