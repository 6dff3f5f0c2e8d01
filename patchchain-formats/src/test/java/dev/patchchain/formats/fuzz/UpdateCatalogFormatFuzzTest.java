package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.json.UpdateCatalogFormat;
import dev.patchchain.formats.winbindex.WinbindexImporter;

/** Any bytes either read as an update catalog (ours or Winbindex's) or fail with a {@link FormatException}. */
class UpdateCatalogFormatFuzzTest {

    private static final WinPath FILE = WinPath.parse("C:\\Windows\\System32\\x.dll");

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        try {
            UpdateCatalogFormat.read(data, "fuzz.json");
        } catch (FormatException expected) {
            // not a catalog
        }
        try {
            WinbindexImporter.read(data, "fuzz.json", FILE, WinbindexImporter.AMD64);
        } catch (FormatException expected) {
            // not a Winbindex record
        }
    }
}
