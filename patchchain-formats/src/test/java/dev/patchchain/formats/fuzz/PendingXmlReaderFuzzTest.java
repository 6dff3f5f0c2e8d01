package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pendingxml.PendingXml;
import dev.patchchain.formats.pendingxml.PendingXmlReader;

/**
 * Any bytes either read as a {@code pending.xml} or fail with a {@link FormatException}; what reads turns into
 * pending operations without failing. Plain {@code mvn verify} replays the seeds in
 * {@code PendingXmlReaderFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PendingXmlReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        PendingXml xml;
        try {
            xml = PendingXmlReader.read(data, "fuzz.xml");
        } catch (FormatException expected) {
            return;
        }
        xml.toPendingOperations(PathContext.DEFAULT);
    }
}
