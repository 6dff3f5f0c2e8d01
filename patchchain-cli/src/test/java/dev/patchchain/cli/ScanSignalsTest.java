package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} fills the snapshot's signals from the SYSTEM and SOFTWARE hives (RegfBuilder-built: CBS RebootPending
 * and a rename queue), {@code ingest} keeps the reasons and {@code report} counts reboots pending by reason.
 */
class ScanSignalsTest {

    private static final int REG_SZ = 1;
    private static final int REG_DWORD = 4;
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing";

    @TempDir
    Path dir;

    private TestImage image;

    @BeforeEach
    void image() throws Exception {
        image = new TestImage(dir.resolve("img"))
                .pe("C:\\Windows\\System32\\a.dll", "0.2.0.0")
                .pe("C:\\Windows\\WinSxS\\Temp\\a.dll", "0.3.0.0");
        byte[] queue = MultiSz.of(List.of("\\??\\C:\\Windows\\WinSxS\\Temp\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll"))
                .encode();
        Files.createDirectories(image.file("C:\\Windows\\System32\\config\\x").getParent());
        Files.write(image.file("C:\\Windows\\System32\\config\\SYSTEM"), new RegfBuilder()
                .value("Select", "Current", REG_DWORD, new byte[] {1, 0, 0, 0})
                .value("ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName", REG_SZ, sz("WS-0042"))
                .value("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7, queue)
                .build());
        Files.write(image.file("C:\\Windows\\System32\\config\\SOFTWARE"), new RegfBuilder()
                .value("Microsoft\\Cryptography", "MachineGuid", REG_SZ, sz("guid-1"))
                .key(CBS + "\\RebootPending")
                .build());
    }

    @Test
    void an_image_scan_carries_both_signals() throws Exception {
        CliRun run = CliRun.run(dir, "scan", "--image", "img", "--out", "s.json");

        assertThat(run.exit()).as(run.err()).isZero();
        Snapshot snapshot = read("s.json");
        assertThat(snapshot.rebootReasons()).containsExactlyInAnyOrder("cbs-reboot-pending", "file-rename-pending");
        assertThat(snapshot.status()).isEqualTo(MachineStatus.REBOOT_PENDING);
        JsonNode signals = snapshot.signals().orElseThrow();
        assertThat(signals.at("/reboot_pending").asBoolean()).isTrue();
        assertThat(signals.at("/control_set").asText()).isEqualTo("ControlSet001");
        assertThat(signals.at("/reasons/0/kind").asText()).isEqualTo("update");
        assertThat(signals.at("/reasons/0/source").asText()).contains("RebootPending");
    }

    @Test
    void hive_files_give_the_same_signals_and_a_lone_software_hive_is_a_usage_error() throws Exception {
        Path config = image.file("C:\\Windows\\System32\\config\\x").getParent();
        Files.copy(config.resolve("SYSTEM"), dir.resolve("SYSTEM"));
        Files.copy(config.resolve("SOFTWARE"), dir.resolve("SOFTWARE"));

        CliRun run = CliRun.run(dir, "scan", "--hive", "SYSTEM", "--hive-software", "SOFTWARE", "--out", "s.json");
        new QueueFileWriter(false).writeReg(dir.resolve("pending.reg"), PendingQueue.fromLayouts(Map.of(
                QueueValueName.PENDING_FILE_RENAME_OPERATIONS, MultiSz.of(List.of("\\??\\C:\\x.tmp", ""))),
                PathContext.DEFAULT));
        CliRun lone = CliRun.run(dir, "scan", "--reg", "pending.reg", "--machine-id", "m-1",
                "--hive-software", "SOFTWARE");
        CliRun systemOnly = CliRun.run(dir, "scan", "--hive", "SYSTEM", "--out", "q.json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(read("s.json").rebootReasons()).containsExactlyInAnyOrder("cbs-reboot-pending", "file-rename-pending");
        assertThat(lone.exit()).isEqualTo(2);
        assertThat(lone.err()).contains("--hive-software needs a SYSTEM hive");
        assertThat(systemOnly.exit()).as(systemOnly.err()).isZero();
        assertThat(read("q.json").signals()).isEmpty();
        assertThat(read("q.json").rebootReasons()).containsExactly(Snapshot.QUEUE_REASON);
    }

    @Test
    void the_report_counts_reboots_pending_by_reason_in_json_csv_and_html() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        CliRun.run(dir, "scan", "--image", "img", "--machine-id", "m-1", "--out", "in/m-1.json");
        CliRun.run(dir, "scan", "--image", "img", "--machine-id", "m-2", "--out", "in/m-2.json");
        Files.delete(image.file("C:\\Windows\\System32\\config\\SOFTWARE"));
        CliRun.run(dir, "scan", "--image", "img", "--machine-id", "m-3", "--out", "in/m-3.json");

        CliRun ingest = CliRun.run(dir, "ingest", "--db", "fleet.db", "in");
        CliRun json = CliRun.run(dir, "report", "--db", "fleet.db", "--json");
        CliRun csv = CliRun.run(dir, "report", "--db", "fleet.db", "--csv", "machines.csv");
        CliRun html = CliRun.run(dir, "report", "--db", "fleet.db", "--html", "site");

        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = json.json();
        assertThat(report.at("/by_status/REBOOT_PENDING").asInt()).isEqualTo(3);
        assertThat(report.at("/reboots_pending/0/reason").asText()).isEqualTo("file-rename-pending");
        assertThat(report.at("/reboots_pending/0/machines").asInt()).isEqualTo(3);
        assertThat(report.at("/reboots_pending/1/reason").asText()).isEqualTo("cbs-reboot-pending");
        assertThat(report.at("/reboots_pending/1/machines").asInt()).isEqualTo(2);
        assertThat(csv.exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("machines.csv"))).contains(
                "machine_id,host,os_build,scan_id,scanned_at,status,queue_operations,downgrades,reboot_reasons")
                .anySatisfy(l -> assertThat(l).startsWith("m-1,").endsWith(",cbs-reboot-pending;file-rename-pending"))
                .anySatisfy(l -> assertThat(l).startsWith("m-3,").endsWith(",file-rename-pending"));
        assertThat(html.exit()).isZero();
        assertThat(Files.readString(dir.resolve("site/index.html"), StandardCharsets.UTF_8))
                .contains("Reboots pending, by reason", "cbs-reboot-pending", "file-rename-pending",
                        "component servicing (CBS) has changes that complete at the reboot");
    }

    @Test
    void a_catalog_adds_each_updates_worst_status_and_file_counts() throws Exception {
        Files.writeString(dir.resolve("catalog.json"), """
                {"format": "patchchain-update-catalog", "version": 1, "updates": [
                  {"kb": "KB5000001", "files": [
                    {"path": "C:\\\\Windows\\\\System32\\\\a.dll", "version": "0.3.0.0"},
                    {"path": "C:\\\\Windows\\\\System32\\\\gone.dll", "version": "1.0.0.0"}]}]}
                """);

        CliRun run = CliRun.run(dir, "scan", "--image", "img", "--catalog", "catalog.json", "--out", "s.json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode verification = read("s.json").verification().orElseThrow();
        assertThat(verification.at("/catalog").asText()).isEqualTo("catalog.json");
        assertThat(verification.at("/updates/0/id").asText()).isEqualTo("KB5000001");
        assertThat(verification.at("/updates/0/status").asText()).isEqualTo("MISSING");
        assertThat(verification.at("/updates/0/files/CURRENT_AFTER_REBOOT").asInt()).isEqualTo(1);
        assertThat(verification.at("/updates/0/files/MISSING").asInt()).isEqualTo(1);
        assertThat(CliRun.run(dir, "scan", "--image", "img", "--catalog", "none.json").exit()).isEqualTo(2);
    }

    private Snapshot read(String file) throws Exception {
        return SnapshotFormat.read(Files.readAllBytes(dir.resolve(file)), file);
    }

    private static byte[] sz(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
