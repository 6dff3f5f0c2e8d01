package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.BytesChannel;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;

/**
 * Coverage-guided fuzzing of {@link PeVersionReader}: any input yields a result or a {@link FormatException}.
 *
 * <p>Plain {@code mvn verify} runs it in regression mode over the seeds in
 * {@code src/test/resources/dev/patchchain/formats/pe/PeVersionReaderFuzzTestInputs/readsOrRejects/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -pl patchchain-formats -Dtest=PeVersionReaderFuzzTest}. The seeds were written by
 * {@link PeBuilder}: {@code x64-two-languages.dll} is
 * {@code dll().fileVersion(10.0.19041.1).productVersion(10.0.19041.2).string("CompanyName", "Example")
 * .language(0x409).language(0x407)}, {@code x86.dll} is {@code dll().pe32().fileVersion(1.2.3.4)} and
 * {@code no-version.dll} is {@code dll()}.
 */
class PeVersionReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readsOrRejects(byte[] data) throws Exception {
        try {
            PeVersionReader.read(new BytesChannel(data), "fuzz input");
        } catch (FormatException expected) {
            // the one allowed failure
        }
    }
}
