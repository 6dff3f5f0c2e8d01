package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.regf.ControlSetQueue;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pending queue of real SYSTEM hives read through {@link SystemHiveQueue}: regipy's SYSTEM_2 holds two delete
 * entries (an NSIS plug-in and its temp folder), byte for byte as hivexregedit exported them
 * ({@code reg/derived/SYSTEM_2__...hivexregedit.reg}); regipy's SYSTEM holds none, although the UTF-16 string
 * {@code PendingFileRenameOperations} occurs in it (inside another value's data: a trap for byte-grepping).
 */
class SystemHiveQueueCorpusTest {

    @Test
    void system2HoldsTwoNsisDeletes() throws IOException {
        Path file = Corpus.require("hives/regipy/SYSTEM_2");
        byte[] expected = hivexValue(Corpus.require(
                "reg/derived/SYSTEM_2__ControlSet001_Control_Session_Manager.hivexregedit.reg"));
        try (RegfHive hive = RegfHive.open(file, RegfOptions.STRICT)) {
            ControlSetQueue current = SystemHiveQueue.current(hive, PathContext.DEFAULT);
            assertThat(current.controlSet()).isEqualTo("ControlSet001");
            assertThat(current.queue().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValue(expected);
            assertThat(current.queue().hasValue(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).isFalse();
            List<PendingOperation> ops = current.queue().operations();
            assertThat(ops).hasSize(2).allMatch(op -> op instanceof PendingOperation.Delete);
            assertThat(ops.get(0).rawStrings().get(0)).endsWith("\\nsp9C0.tmp\\nsProcess.dll");
            assertThat(ops.get(1).rawStrings().get(0)).endsWith("\\nsp9C0.tmp\\");
            assertThat(hive.dirty()).isTrue();
            assertThat(current.notes()).contains("control set ControlSet001")
                    .anyMatch(n -> n.startsWith("DIRTY hive read WITHOUT its transaction logs"));
            System.out.println("[queue] SYSTEM_2 " + current.notes() + ": " + ops);
        }
    }

    @Test
    void systemHasNoQueueDespiteTheStringInIt() throws IOException {
        Path file = Corpus.require("hives/regipy/SYSTEM");
        String bytesAsLatin1 = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String utf16 = new String("PendingFileRenameOperations".getBytes(StandardCharsets.UTF_16LE),
                StandardCharsets.ISO_8859_1);
        assertThat(bytesAsLatin1).as("the trap: a byte grep finds the name").contains(utf16);
        try (RegfHive hive = RegfHive.open(file, RegfOptions.STRICT)) {
            ControlSetQueue current = SystemHiveQueue.current(hive, PathContext.DEFAULT);
            assertThat(current.controlSet()).isEqualTo("ControlSet001");
            assertThat(current.queue().operations()).isEmpty();
            assertThat(current.queue().hasValue(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).isFalse();
            assertThat(hive.dirty()).isFalse();
            List<ControlSetQueue> all = SystemHiveQueue.allControlSets(hive, PathContext.DEFAULT);
            assertThat(all).extracting(ControlSetQueue::controlSet).containsExactly("ControlSet001", "ControlSet002");
            assertThat(all).allMatch(q -> q.queue().operations().isEmpty());
        }
    }

    private static byte[] hivexValue(Path reg) throws IOException {
        Matcher m = Pattern.compile("\"PendingFileRenameOperations\"=hex\\(7\\):([0-9a-f,]+)")
                .matcher(Files.readString(reg, StandardCharsets.UTF_8));
        assertThat(m.find()).as("value in " + reg).isTrue();
        return HexFormat.of().parseHex(m.group(1).replace(",", ""));
    }
}
