package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wixl MSI truncated and bit-flipped all over: it reads, or fails with a {@link FormatException}, nothing else. */
class MsiTortureTest {

    @TempDir
    Path dir;

    @Test
    void truncationsAndBitFlipsFailTyped() throws Exception {
        byte[] msi = Files.readAllBytes(MsiFixtures.tool(dir));
        int step = Math.max(1, msi.length / 600);
        for (int i = 0; i < msi.length; i += step) {
            readsOrFailsTyped(Arrays.copyOf(msi, i), "cut at " + i);
            byte[] flipped = msi.clone();
            flipped[i] ^= (byte) (1 << (i % 8));
            readsOrFailsTyped(flipped, "bit flip at " + i);
        }
    }

    private static void readsOrFailsTyped(byte[] data, String what) {
        try {
            assertThat(MsiPackageReader.read(data, what).pkg()).isNotNull();
        } catch (FormatException expected) {
            // typed
        } catch (Exception | AssertionError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }
}
