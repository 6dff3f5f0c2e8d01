package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.platform.registry.ApplyOptions;
import dev.patchchain.platform.registry.HiveQueueRegistry;
import dev.patchchain.platform.registry.NotAdministratorException;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queue chain --apply|--undo}, {@code queue add}, {@code queue remove} on offline hives. */
class QueueApplyCommandsTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final byte[] QUEUE = MultiSz.of(List.of(
            "\\??\\C:\\Windows\\Temp\\fix1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
            "\\??\\C:\\Windows\\Temp\\fix2\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll")).encode();

    @TempDir
    Path dir;

    @BeforeEach
    void hiveAndImage() throws Exception {
        Files.write(dir.resolve("SYSTEM"), new RegfBuilder()
                .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value(SM, "PendingFileRenameOperations", 7, QUEUE)
                .build());
        new TestImage(dir.resolve("img")).pe("C:\\Windows\\System32\\a.dll", "1.0.0.0")
                .pe("C:\\Windows\\Temp\\fix1\\a.dll", "3.0.0.0").pe("C:\\Windows\\Temp\\fix2\\a.dll", "2.0.0.0");
    }

    private QueueValues values() throws Exception {
        return new HiveQueueRegistry(dir.resolve("SYSTEM"), HiveUpdateOptions.DEFAULT).read().values();
    }

    @Test
    void chainWithoutApplyStillWritesNothing() throws Exception {
        CliRun run = CliRun.run(dir, "queue", "chain", "--hive", "SYSTEM", "--image", "img");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run");
        assertThat(values()).isEqualTo(QueueValues.of(QUEUE, null));
    }

    @Test
    void applyWritesTheChainedQueueWithBackupAndAuditLog() throws Exception {
        CliRun run = CliRun.run(dir, "queue", "chain", "--apply", "--hive", "SYSTEM", "--image", "img",
                "--backup-dir", "backups");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("superseded by op #0").contains("verified by reading it back")
                .contains("patchchain-queue-").contains("Audit log");
        assertThat(values()).isNotEqualTo(QueueValues.of(QUEUE, null));
        assertThat(CliRun.run(dir, "queue", "check", "--hive", "SYSTEM", "--image", "img").exit()).isZero();
        List<String> audit = Files.readAllLines(dir.resolve("backups").resolve(ApplyOptions.AUDIT_LOG));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains("\"action\":\"chain\"").contains("superseded by op #0");
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith(".reg")).anyMatch(n -> n.endsWith(".json"))
                    .anyMatch(n -> n.startsWith("SYSTEM.") && n.endsWith(".bak"));
        }
    }

    @Test
    void applyJsonCarriesTheBackupAndUndoRestoresTheExactBytes() throws Exception {
        CliRun applied = CliRun.run(dir, "queue", "chain", "--apply", "--hive", "SYSTEM", "--image", "img", "--json");
        assertThat(applied.exit()).as(applied.err()).isZero();
        JsonNode apply = applied.json().get("apply");
        assertThat(apply.get("written").asBoolean()).isTrue();
        String record = apply.get("backup_record").asText();
        assertThat(Path.of(record)).exists().hasParent(dir.toAbsolutePath());

        CliRun undone = CliRun.run(dir, "queue", "chain", "--undo", record, "--hive", "SYSTEM", "--json");

        assertThat(undone.exit()).as(undone.err()).isZero();
        assertThat(undone.json().get("written").asBoolean()).isTrue();
        assertThat(values()).isEqualTo(QueueValues.of(QUEUE, null));
    }

    @Test
    void undoWithoutABackupNameTakesTheNewest() throws Exception {
        assertThat(CliRun.run(dir, "queue", "chain", "--apply", "--hive", "SYSTEM", "--image", "img").exit()).isZero();

        CliRun undone = CliRun.run(dir, "queue", "chain", "--hive", "SYSTEM", "--undo");

        assertThat(undone.exit()).as(undone.err()).isZero();
        assertThat(values()).isEqualTo(QueueValues.of(QUEUE, null));
    }

    @Test
    void undoIsRefusedWhenAnotherProgramWroteSince() throws Exception {
        CliRun applied = CliRun.run(dir, "queue", "chain", "--apply", "--hive", "SYSTEM", "--image", "img", "--json");
        String record = applied.json().get("apply").get("backup_record").asText();
        assertThat(CliRun.run(dir, "queue", "add", "C:\\Windows\\Temp\\x.tmp", "--hive", "SYSTEM").exit()).isZero();
        QueueValues now = values();

        CliRun undone = CliRun.run(dir, "queue", "chain", "--undo", record, "--hive", "SYSTEM");

        assertThat(undone.exit()).isEqualTo(3);
        assertThat(undone.err()).contains("not restored");
        assertThat(values()).isEqualTo(now);
    }

    @Test
    void addAppendsAndRemoveDropsAnEntry() throws Exception {
        CliRun added = CliRun.run(dir, "queue", "add", "C:\\Windows\\Temp\\b.dll", "C:\\Windows\\System32\\b.dll",
                "--replace", "--hive", "SYSTEM", "--json");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.json().get("changes").get(0).asText())
                .contains("\\??\\C:\\Windows\\Temp\\b.dll -> !\\??\\C:\\Windows\\System32\\b.dll");
        assertThat(new String(values().first(), java.nio.charset.StandardCharsets.UTF_16LE))
                .contains("!\\??\\C:\\Windows\\System32\\b.dll");

        CliRun removed = CliRun.run(dir, "queue", "remove", "0", "--hive", "SYSTEM");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("removed op #0");
        JsonNode show = CliRun.run(dir, "queue", "show", "--hive", "SYSTEM", "--json").json();
        assertThat(show.toString()).doesNotContain("fix1").contains("fix2").contains("b.dll");
    }

    @Test
    void removeOfAMissingEntrySaysSoAndWritesNothing() throws Exception {
        CliRun run = CliRun.run(dir, "queue", "remove", "7", "--hive", "SYSTEM", "--backup-dir", "backups");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no op #7").contains("2 entries");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void applyNeedsARegistry() throws Exception {
        Path reg = dir.resolve("q.reg");
        CliRun.run(dir, "queue", "chain", "--hive", "SYSTEM", "--image", "img", "--out", "q.reg");
        assertThat(reg).exists();

        CliRun run = CliRun.run(dir, "queue", "chain", "--apply", "--reg", reg.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--hive, --image or --live");
    }

    @Test
    void liveOutsideWindowsIsAClearUsageError() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"),
                "on Windows --live is the real registry");

        CliRun run = CliRun.run(dir, "queue", "chain", "--apply", "--live");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("works only there");
    }

    @Test
    void missingAdministratorRightsAreExit2() {
        assertThat(ExceptionMapper.map(new NotAdministratorException("run elevated")))
                .isEqualTo(ExitCode.USAGE_OR_INPUT);
        assertThat(ExceptionMapper.map(new ConcurrentChangeException("changed"))).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void helpNamesTheWritingOptions() {
        assertThat(CliRun.run(dir, "queue", "chain", "--help").out()).contains("--apply").contains("--undo")
                .contains("--live").contains("--backup-dir").contains("docs/apply.md");
        assertThat(CliRun.run(dir, "queue", "add", "--help").out()).contains("--replace").contains("--hive");
        assertThat(CliRun.run(dir, "queue", "remove", "--help").out()).contains("INDEX");
    }

    @Test
    void auditLogLinesAreJson() throws Exception {
        assertThat(CliRun.run(dir, "queue", "add", "C:\\Windows\\Temp\\x.tmp", "--hive", "SYSTEM").exit()).isZero();

        List<String> lines = Files.readAllLines(dir.resolve(ApplyOptions.AUDIT_LOG));
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("action").asText()).isEqualTo("add");
        assertThat(line.get("location").asText()).contains("SYSTEM");
    }
}
