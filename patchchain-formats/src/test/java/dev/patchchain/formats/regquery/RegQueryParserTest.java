package dev.patchchain.formats.regquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.RandomQueues;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegQueryParserTest {

    private static final String KEY = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
    private static final QueueValueName FIRST = QueueValueName.PENDING_FILE_RENAME_OPERATIONS;
    private static final QueueValueName SECOND = QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2;

    private static RegQueryResult parse(String text) throws FormatException {
        return RegQueryParser.parse(text.getBytes(StandardCharsets.UTF_8), "q.txt", PathContext.DEFAULT);
    }

    private static String listing(String valueLines) {
        return "\r\n" + KEY + "\r\n" + valueLines + "\r\n";
    }

    /** What reg query prints for value data (Wine 8.0, observed): every NUL but the last two units as "\0". */
    static String display(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < data.length / 2 - 1; i++) {
            char c = (char) ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8);
            out.append(c == 0 ? "\\0" : String.valueOf(c));
        }
        return out.toString();
    }

    @Test
    void wineKeyListingGivesBackTheExactBytesOfTheRegExport() throws Exception {
        RegQueryResult r = RegQueryParser.parse(Fixtures.bytes("regquery/wine-query-key.txt"), "query.txt", PathContext.DEFAULT);
        assertThat(r.keyPath()).endsWith("ControlSet009\\Control\\Session Manager");
        assertThat(r.queue().operations()).hasSize(5);
        List<RegValue> exported = RegFileReader.read(Fixtures.bytes("reg/session-manager-wine-export.reg"), "e.reg")
                .keys().get(0).values();
        assertThat(r.queue().encode(FIRST).orElseThrow()).isEqualTo(exported.get(6).data());
        assertThat(r.queue().encode(SECOND).orElseThrow()).isEqualTo(exported.get(7).data());
        assertThat(r.notes()).singleElement().asString().startsWith("line 10, column ").contains("\\0 read as part of a path");
    }

    @Test
    void wineSingleValueQuery() throws Exception {
        RegQueryResult r = RegQueryParser.parse(Fixtures.bytes("regquery/wine-query-v.txt"), "v.txt", PathContext.DEFAULT);
        assertThat(r.queue().operations()).hasSize(4);
        assertThat(r.queue().hasValue(SECOND)).isFalse();
    }

    @Test
    void windowsShapedCaptureInUtf16() throws Exception {
        RegQueryResult r = RegQueryParser.parse(Fixtures.bytes("regquery/windows-query-utf16.txt"), "w.txt", PathContext.DEFAULT);
        List<PendingOperation> ops = r.queue().operations();
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).sourcePath().toString()).isEqualTo("C:\\Windows\\SoftwareDistribution\\Download\\0f3e\\x.cab");
        assertThat(ops.get(0)).isInstanceOf(PendingOperation.Delete.class);
        assertThat(((PendingOperation.Delete) ops.get(1)).sourceMarker()).isEqualTo("*1");
        assertThat(((PendingOperation.Rename) ops.get(2)).replaceExisting()).isTrue();
        assertThat(r.queue().encode(FIRST).orElseThrow()).isEqualTo(MultiSz.of(List.of(
                "\\??\\C:\\Windows\\SoftwareDistribution\\Download\\0f3e\\x.cab", "",
                "*1\\??\\C:\\Windows\\System32\\drivers\\old.sys", "",
                "\\??\\C:\\stage\\new.dll", "!\\??\\C:\\Windows\\System32\\new.dll")).encode());
    }

    @Test
    void bothValuesOtherValuesSubkeysAndEmptyData() throws Exception {
        RegQueryResult r = parse(listing("    BootExecute    REG_MULTI_SZ    autocheck autochk *\r\n"
                + "    PendingFileRenameOperations    REG_MULTI_SZ    \\??\\C:\\a\\0\r\n"
                + "    PendingFileRenameOperations2    REG_MULTI_SZ    \r\n"
                + "    (Default)    REG_SZ    \r\n"
                + "    Quad    REG_QWORD    (null)\r\n")
                + KEY + "\\AppCompatCache\r\n" + KEY + "\\Environment\r\n");
        assertThat(r.queue().encode(FIRST).orElseThrow()).isEqualTo(MultiSz.of(List.of("\\??\\C:\\a", "")).encode());
        assertThat(r.queue().encode(SECOND).orElseThrow()).containsExactly(0, 0);
        assertThat(r.notes()).singleElement().asString().startsWith("line 5: PendingFileRenameOperations2 is shown empty");
    }

    @Test
    void theBackslashZeroAmbiguityIsResolvedTowardPathStarts() {
        List<Integer> kept = new ArrayList<>();
        assertThat(MultiSzDisplay.split("\\??\\C:\\0abc\\x.dll\\0!\\??\\C:\\y", kept))
                .containsExactly("\\??\\C:\\0abc\\x.dll", "!\\??\\C:\\y");
        assertThat(kept).containsExactly(6);
        assertThat(MultiSzDisplay.split("\\??\\C:\\d\\0*1\\??\\C:\\e\\0\\0C:\\f\\0\\\\srv\\s\\g\\0%SystemRoot%\\h", new ArrayList<>()))
                .containsExactly("\\??\\C:\\d", "*1\\??\\C:\\e", "", "C:\\f", "\\\\srv\\s\\g", "%SystemRoot%\\h");
        assertThat(MultiSzDisplay.split("a\\0\\0\\0b\\0", new ArrayList<>())).containsExactly("a", "", "", "b", "");
        assertThat(MultiSzDisplay.split("", new ArrayList<>())).isEmpty();
    }

    @Test
    void seededRandomWellFormedValuesSurviveTheDisplay() throws Exception {
        Random random = Fixtures.random("reg query display");
        for (int round = 0; round < 300; round++) {
            List<String> strings = RandomQueues.strings(random);
            if (strings.isEmpty()) {
                continue;
            }
            byte[] data = MultiSz.of(strings).encode();
            RegQueryResult r = parse(listing("    PendingFileRenameOperations    REG_MULTI_SZ    " + display(data) + "\r\n"));
            assertThat(r.queue().encode(FIRST).orElseThrow()).as("round %d: %s", round, strings).isEqualTo(data);
        }
    }

    @Test
    void errorsNameTheLine() {
        assertError(listing("    PendingFileRenameOperations    REG_SZ    C:\\a\r\n"), 3, "has type REG_SZ, expected REG_MULTI_SZ");
        assertError(listing("  PendingFileRenameOperations    REG_MULTI_SZ    a\r\n"), 3, "expected a key line");
        assertError("\r\n    PendingFileRenameOperations    REG_MULTI_SZ    a\r\n", 2, "value line before any key line");
        assertError(listing("    PendingFileRenameOperations    REG_MULTI_SZ    a\r\n    PendingFileRenameOperations    REG_MULTI_SZ    b\r\n"),
                4, "listed twice");
        assertError(listing("    PendingFileRenameOperations    REG_MULTI_SZ    a\u0000b\r\n"), 3, "a NUL character");
        assertError("ERROR: The system was unable to find the specified registry key or value.\r\n", 1,
                "reg query reported an error: The system was unable");
        assertThatThrownBy(() -> parse("\r\nHKEY_CURRENT_USER\\Software\r\n")).isInstanceOf(FormatException.class)
                .hasMessageContaining("no key line ending in \\Control\\Session Manager");
    }

    private static void assertError(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("q.txt: line " + line).hasMessageContaining(message);
    }
}
