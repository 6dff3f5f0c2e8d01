package dev.patchchain.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegFileWriter;

/**
 * Any bytes either read as a {@code .reg} file or fail with a {@link FormatException}; what reads is written and
 * read back to the same keys, and the queue view over it fails only with a {@link FormatException}. Plain
 * {@code mvn verify} replays the seeds in {@code RegFileReaderFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RegFileReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        RegFile file;
        try {
            file = RegFileReader.read(data, "fuzz.reg");
        } catch (FormatException expected) {
            return;
        }
        try {
            RegFile again = RegFileReader.read(RegFileWriter.write(file), "rewritten.reg");
            assertThat(again.keys()).isEqualTo(file.keys());
        } catch (FormatException e) {
            throw new AssertionError("what we write must read back", e);
        }
        try {
            QueueRegistryView.read(file, "fuzz.reg", PathContext.DEFAULT);
        } catch (FormatException expected) {
            // no Session Manager key, or a queue value of another type
        }
    }
}
