package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regquery.RegQueryParser;

/** Any bytes either parse as {@code reg query} output or fail with a {@link FormatException}. */
class RegQueryParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesOrFailsTyped(byte[] data) {
        try {
            RegQueryParser.parse(data, "fuzz.txt", PathContext.DEFAULT);
        } catch (FormatException expected) {
            // not reg query output
        }
    }
}
