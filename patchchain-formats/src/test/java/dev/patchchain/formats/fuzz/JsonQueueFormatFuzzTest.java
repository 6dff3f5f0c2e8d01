package dev.patchchain.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.json.JsonQueueDocument;
import dev.patchchain.formats.json.JsonQueueFormat;

/** Any bytes either read as a queue document or fail with a {@link FormatException}; what reads writes back equal. */
class JsonQueueFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) throws FormatException {
        JsonQueueDocument doc;
        try {
            doc = JsonQueueFormat.read(data, "fuzz.json");
        } catch (FormatException expected) {
            return;
        }
        JsonQueueDocument again = JsonQueueFormat.read(JsonQueueFormat.write(doc), "rewritten.json");
        assertThat(again.queue()).isEqualTo(doc.queue());
    }
}
