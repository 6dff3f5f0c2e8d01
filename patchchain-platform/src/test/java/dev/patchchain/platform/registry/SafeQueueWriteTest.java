package dev.patchchain.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.InMemoryQueueRegistry;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueState;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.core.registry.RegistryFault;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegistryQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the write sequence, on the in-memory registry. */
class SafeQueueWriteTest {

    static final byte[] OLD = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
            "\\??\\C:\\Windows\\Temp\\2\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll")).encode();
    static final byte[] NEW = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
            "\\??\\C:\\Windows\\Temp\\2\\a.dll", "")).encode();
    static final byte[] APPENDED = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\1\\a.dll",
            "!\\??\\C:\\Windows\\System32\\a.dll", "\\??\\C:\\Windows\\Temp\\2\\a.dll",
            "!\\??\\C:\\Windows\\System32\\a.dll", "\\??\\C:\\x", "")).encode();
    static final QueueEdit CHAIN = read -> new QueueEdit.Result(QueueValues.of(NEW, null),
            List.of("#1 rewritten: deletes Temp\\2\\a.dll, superseded by #0"));

    @TempDir
    Path dir;

    private final InMemoryQueueRegistry registry = new InMemoryQueueRegistry(QueueValues.of(OLD, null),
            Instant.parse("2026-01-01T00:00:00Z"));

    ApplyOptions options(String action) {
        return new ApplyOptions(dir.resolve("backups"), action, "test", "host1",
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), ApplyHook.NONE);
    }

    @Test
    void writesAfterABackupAndLogsIt() throws Exception {
        ApplyOutcome outcome = new SafeQueueWrite(registry, options("chain")).run(CHAIN);

        assertThat(registry.values()).isEqualTo(QueueValues.of(NEW, null));
        QueueBackup backup = outcome.backup().orElseThrow();
        assertThat(backup.regFile()).hasFileName("patchchain-queue-20261125T120000Z.reg");
        QueueBackup reread = QueueBackupFile.read(dir.resolve("backups/patchchain-queue-20261125T120000Z.json"));
        assertThat(reread.before()).isEqualTo(QueueValues.of(OLD, null));
        assertThat(reread.after()).isEqualTo(QueueValues.of(NEW, null));
        assertThat(reread.host()).isEqualTo("host1");
        assertThat(reread.lastWritten()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

        List<String> log = Files.readAllLines(dir.resolve("backups").resolve(ApplyOptions.AUDIT_LOG));
        assertThat(log).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(log.get(0));
        assertThat(line.get("action").asText()).isEqualTo("chain");
        assertThat(line.get("before").asText()).isEqualTo(QueueValues.of(OLD, null).sha256());
        assertThat(line.get("after").asText()).isEqualTo(QueueValues.of(NEW, null).sha256());
        assertThat(line.get("changes").get(0).asText()).contains("superseded by #0");
        assertThat(line.get("backup").asText()).endsWith(".reg");
    }

    @Test
    void regBackupHoldsTheExactOriginalBytesAndDeletesAnAbsentValue() throws Exception {
        QueueBackup backup = new SafeQueueWrite(registry, options("chain")).run(CHAIN).backup().orElseThrow();

        Path reg = backup.regFile();
        RegistryQueue read = QueueRegistryView.read(RegFileReader.read(Files.readAllBytes(reg), reg.toString()),
                reg.toString(), PathContext.DEFAULT);
        assertThat(read.queue().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).contains(OLD);
        assertThat(read.keyPath()).isEqualTo(QueueRegistryView.CURRENT_KEY_PATH);
        assertThat(RegFileReader.read(Files.readAllBytes(reg), reg.toString()).toString())
                .contains("PendingFileRenameOperations2");
    }

    @Test
    void anEditThatChangesNothingWritesNothing() throws Exception {
        ApplyOutcome outcome = new SafeQueueWrite(registry, options("chain"))
                .run(read -> new QueueEdit.Result(read, List.of()));

        assertThat(outcome.written()).isFalse();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aRefusedEditWritesNothing() {
        assertThatThrownBy(() -> new SafeQueueWrite(registry, options("remove")).run(read -> {
            throw new IOException("no entry #9");
        })).hasMessage("no entry #9");

        assertThat(registry.values()).isEqualTo(QueueValues.of(OLD, null));
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void anInstallerAppendingAfterTheReadIsNotOverwritten() {
        ApplyHook appendBeforeWrite = step -> {
            if (step == ApplyStep.WRITE) {
                registry.overwrite(QueueValues.of(APPENDED, null));
            }
        };

        assertThatThrownBy(() -> new SafeQueueWrite(registry, options("chain").withHook(appendBeforeWrite)).run(CHAIN))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("changed since it was read");

        assertThat(registry.values()).isEqualTo(QueueValues.of(APPENDED, null));
        assertThat(dir.resolve("backups").resolve(ApplyOptions.AUDIT_LOG)).doesNotExist();
    }

    @Test
    void aValueThatDoesNotReadBackIsAVerificationFailure() {
        QueueRegistry lying = new QueueRegistry() {
            @Override
            public String location() {
                return "lying registry";
            }

            @Override
            public QueueState read() throws IOException {
                return registry.read();
            }

            @Override
            public void compareAndSwap(QueueValues expected, QueueValues next) {
                // drops the write
            }
        };

        assertThatThrownBy(() -> new SafeQueueWrite(lying, options("chain")).run(CHAIN))
                .hasMessageContaining("verification failed").hasMessageContaining(".reg");
        assertThat(dir.resolve("backups").resolve(ApplyOptions.AUDIT_LOG)).doesNotExist();
    }

    @Test
    void undoRestoresWithCompareAndSwapAndIsLoggedToo() throws Exception {
        QueueBackup backup = new SafeQueueWrite(registry, options("chain")).run(CHAIN).backup().orElseThrow();

        ApplyOutcome undone = new SafeQueueWrite(registry, options("undo")).run(backup.restore());

        assertThat(registry.values()).isEqualTo(QueueValues.of(OLD, null));
        assertThat(undone.backup().orElseThrow().before()).isEqualTo(QueueValues.of(NEW, null));
        assertThat(Files.readAllLines(dir.resolve("backups").resolve(ApplyOptions.AUDIT_LOG))).hasSize(2);
    }

    @Test
    void undoRefusesAQueueWrittenSinceByAnotherProgram() throws Exception {
        QueueBackup backup = new SafeQueueWrite(registry, options("chain")).run(CHAIN).backup().orElseThrow();
        registry.overwrite(QueueValues.of(APPENDED, null));

        assertThatThrownBy(() -> new SafeQueueWrite(registry, options("undo")).run(backup.restore()))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("not restored");
        assertThat(registry.values()).isEqualTo(QueueValues.of(APPENDED, null));
    }

    @Test
    void aFailingRegistryStepLeavesTheOldValue() {
        registry.fault((point, r) -> {
            if (point == RegistryFault.Point.WRITE_FIRST) {
                throw new IOException("injected");
            }
        });

        assertThatThrownBy(() -> new SafeQueueWrite(registry, options("chain")).run(CHAIN)).hasMessage("injected");
        assertThat(registry.values()).isEqualTo(QueueValues.of(OLD, null));
    }
}
