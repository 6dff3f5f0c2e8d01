package dev.patchchain.formats.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.RandomQueues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueueRegistryViewTest {

    private static final QueueValueName FIRST = QueueValueName.PENDING_FILE_RENAME_OPERATIONS;
    private static final QueueValueName SECOND = QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2;

    private static RegistryQueue read(String text) throws FormatException {
        RegFile file = RegFileReader.read(text.getBytes(StandardCharsets.UTF_8), "t.reg");
        return QueueRegistryView.read(file, "t.reg", PathContext.DEFAULT);
    }

    private static String key(String controlSet, String values) {
        return "[HKEY_LOCAL_MACHINE\\SYSTEM\\" + controlSet + "\\Control\\Session Manager]\r\n" + values + "\r\n";
    }

    private static String pfro(String name, String... strings) {
        StringBuilder hex = new StringBuilder();
        for (byte b : MultiSz.of(List.of(strings)).encode()) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        return "\"" + name + "\"=hex(7):" + hex + "\r\n";
    }

    @Test
    void readsTheQueueFromTheWineExport() throws Exception {
        RegFile file = RegFileReader.read(Fixtures.bytes("reg/session-manager-wine-export.reg"), "export.reg");
        RegistryQueue found = QueueRegistryView.read(file, "export.reg", PathContext.DEFAULT);
        assertThat(found.keyPath()).endsWith("ControlSet009\\Control\\Session Manager");
        assertThat(found.notes()).isEmpty();
        List<PendingOperation> ops = found.queue().operations();
        assertThat(ops).hasSize(5);
        assertThat(ops.get(0)).isInstanceOf(PendingOperation.Rename.class);
        assertThat(((PendingOperation.Rename) ops.get(0)).replaceExisting()).isTrue();
        assertThat(ops.get(1)).isInstanceOf(PendingOperation.Delete.class);
        assertThat(((PendingOperation.Delete) ops.get(2)).sourceMarker()).isEqualTo("*1");
        assertThat(ops.get(4).origin().value()).isEqualTo(SECOND);
        assertThat(ops.get(4).sourcePath().toString()).isEqualTo("C:\\Config.Msi\\0a1b2c.rbf");
        assertThat(found.queue().encode(FIRST).orElseThrow())
                .isEqualTo(file.keys().get(0).values().get(6).data());
    }

    @Test
    void prefersCurrentControlSetThenTheLowestNumberAndSaysSo() throws Exception {
        String header = "Windows Registry Editor Version 5.00\r\n\r\n";
        RegistryQueue withCurrent = read(header + key("ControlSet001", pfro("PendingFileRenameOperations", "\\??\\C:\\a", ""))
                + key("CurrentControlSet", pfro("PendingFileRenameOperations", "\\??\\C:\\b", "")));
        assertThat(withCurrent.keyPath()).contains("CurrentControlSet");
        assertThat(withCurrent.queue().operations().get(0).sourcePath().toString()).isEqualTo("C:\\b");
        assertThat(withCurrent.notes()).singleElement().asString().contains("several control sets").contains("used HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet");

        RegistryQueue lowest = read(header + key("ControlSet002", "") + key("controlset001", pfro("pendingfilerenameoperations", "\\??\\C:\\c", "")));
        assertThat(lowest.keyPath()).contains("controlset001");
        assertThat(lowest.queue().operations()).hasSize(1);
    }

    @Test
    void sectionsOfTheSameKeyMergeInFileOrder() throws Exception {
        String k = "CurrentControlSet";
        RegistryQueue q = read("Windows Registry Editor Version 5.00\r\n\r\n"
                + key(k, pfro("PendingFileRenameOperations", "\\??\\C:\\a", "") + pfro("PendingFileRenameOperations2", "\\??\\C:\\x", ""))
                + key(k, "\"PendingFileRenameOperations2\"=-\r\n")
                + key(k, pfro("PendingFileRenameOperations", "\\??\\C:\\b", "")));
        assertThat(q.queue().operations()).singleElement().extracting(op -> op.sourcePath().toString()).isEqualTo("C:\\b");
        assertThat(q.queue().hasValue(SECOND)).isFalse();
        RegistryQueue deleted = read("Windows Registry Editor Version 5.00\r\n\r\n"
                + key(k, pfro("PendingFileRenameOperations", "\\??\\C:\\a", ""))
                + "[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]\r\n");
        assertThat(deleted.queue().hasValue(FIRST)).isFalse();
    }

    @Test
    void aQueueValueOfAnotherTypeOrNoKeyAtAllIsAnError() {
        assertThatThrownBy(() -> read("Windows Registry Editor Version 5.00\r\n\r\n"
                + key("CurrentControlSet", "\"PendingFileRenameOperations\"=\"C:\\\\a\"\r\n")))
                .isInstanceOf(FormatException.class).hasMessageContaining("has type 1, expected 7");
        assertThatThrownBy(() -> read("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software]\r\n"))
                .isInstanceOf(FormatException.class)
                .satisfies(e -> assertThat(((FormatException) e).kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }

    @Test
    void anEmptyOrAbsentValueIsWrittenAsADeletion() {
        PendingQueue queue = PendingQueue.decode(MultiSz.of(List.of("\\??\\C:\\a", "")).encode(), new byte[] {0, 0}, PathContext.DEFAULT);
        String text = RegFileWriter.toText(QueueRegistryView.toRegFile(queue, QueueRegistryView.CURRENT_KEY_PATH));
        assertThat(text).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]\r\n"
                + "\"PendingFileRenameOperations\"=hex(7):5c,00,3f,00")
                .contains("\r\n\"PendingFileRenameOperations2\"=-\r\n");
        String empty = RegFileWriter.toText(QueueRegistryView.toRegFile(PendingQueue.empty(), QueueRegistryView.CURRENT_KEY_PATH));
        assertThat(empty).contains("\"PendingFileRenameOperations\"=-\r\n\"PendingFileRenameOperations2\"=-\r\n");
    }

    @Test
    void seededRandomQueuesRoundTripThroughRegBytesExactly() throws Exception {
        Random random = Fixtures.random("queue through .reg");
        for (int round = 0; round < 300; round++) {
            byte[] first = random.nextInt(4) == 0 ? null : RandomQueues.valueBytes(random);
            byte[] second = random.nextInt(2) == 0 ? null : RandomQueues.valueBytes(random);
            PendingQueue queue = PendingQueue.decode(first, second, PathContext.DEFAULT);
            byte[] bytes = RegFileWriter.write(QueueRegistryView.toRegFile(queue, QueueRegistryView.CURRENT_KEY_PATH));
            PendingQueue back = QueueRegistryView.read(RegFileReader.read(bytes, "q.reg"), "q.reg", PathContext.DEFAULT).queue();
            assertThat(back.operations()).as("round %d", round).isEqualTo(queue.operations());
            for (QueueValueName name : QueueValueName.values()) {
                byte[] original = queue.encode(name).orElse(null);
                MultiSz layout = original == null ? null : MultiSz.decode(original);
                boolean empty = layout == null || layout.isTerminated() && layout.strings().stream().allMatch(String::isEmpty);
                if (empty) {
                    assertThat(back.hasValue(name)).as("round %d %s", round, name).isFalse();
                } else {
                    assertThat(back.encode(name).orElseThrow()).as("round %d %s", round, name).isEqualTo(original);
                }
            }
        }
    }
}
