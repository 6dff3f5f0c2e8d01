package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.fleet.server.BearerToken;
import dev.patchchain.fleet.server.FleetServer;
import dev.patchchain.fleet.server.ServerOptions;
import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.StoreLocation;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan}, {@code ingest}, {@code report} end to end, and {@code scan --post} against a real server. */
class FleetCommandsTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @BeforeEach
    void machine() throws Exception {
        new TestImage(dir.resolve("img"))
                .pe("C:\\Windows\\System32\\a.dll", "0.3.0.0")
                .pe("C:\\Windows\\Temp\\fix\\a.dll", "0.2.0.0");
        List<String> strings = List.of("\\??\\C:\\Windows\\Temp\\fix\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll");
        new QueueFileWriter(false).writeReg(dir.resolve("pending.reg"), PendingQueue.fromLayouts(
                Map.of(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, MultiSz.of(strings)), PathContext.DEFAULT));
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
    }

    @Test
    void scan_writes_a_valid_snapshot_of_the_machine_with_its_downgrade() throws Exception {
        CliRun run = scan("ws-1", "--out", "ws-1.json", "--host", "WS-0001", "--os-build", "19045.6218");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        Snapshot snapshot = SnapshotFormat.read(Files.readAllBytes(dir.resolve("ws-1.json")), "ws-1.json");
        assertThat(snapshot.machine().hostName()).isEqualTo("WS-0001");
        assertThat(snapshot.machine().osBuild()).contains("19045.6218");
        assertThat(snapshot.queue().operations()).isEqualTo(1);
        assertThat(snapshot.queue().values().get("PendingFileRenameOperations"))
                .startsWith("\\??\\C:\\Windows\\Temp\\fix\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll");
        assertThat(snapshot.status()).isEqualTo(MachineStatus.DOWNGRADE);
        assertThat(snapshot.findings().get(0).paths()).contains("C:\\Windows\\System32\\a.dll");
    }

    @Test
    void ingest_stores_good_snapshots_counts_duplicates_and_rejects_bad_ones_with_the_reason() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        scan("ws-1", "--out", "in/ws-1.json");
        scan("ws-2", "--out", "in/ws-2.json");
        Files.writeString(dir.resolve("in/broken.json"), "{\"schema_version\": 1}");

        CliRun first = CliRun.run(dir, "ingest", "--db", "fleet.db", "in");
        CliRun again = CliRun.run(dir, "ingest", "--db", "fleet.db", "in/ws-1.json");

        assertThat(first.exit()).isEqualTo(2);
        assertThat(first.out()).contains("3 file(s): 2 new, 0 duplicate, 1 rejected");
        assertThat(first.err()).contains("rejected").contains("broken.json: /machine: expected an object, found nothing");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 file(s): 0 new, 1 duplicate, 0 rejected");
    }

    @Test
    void a_large_ingest_shows_progress_on_stderr_and_json_lists_rejections() throws Exception {
        scan("ws-1", "--out", "ws-1.json");
        String one = Files.readString(dir.resolve("ws-1.json"));
        Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 250; i++) {
            Files.writeString(many.resolve(String.format("s%03d.json", i)), one.replace("\"ws-1\"", "\"ws-" + i + "\""));
        }
        Files.writeString(many.resolve("zz-bad.json"), "[]");

        CliRun run = CliRun.run(dir, "ingest", "--db", "fleet.db", "--json", "many");

        assertThat(run.err()).contains("] 251/251");
        JsonNode summary = run.json();
        assertThat(summary.get("new").asInt()).isEqualTo(250);
        assertThat(summary.at("/rejected/0/kind").asText()).isEqualTo("NOT_JSON");
    }

    @Test
    void a_store_that_cannot_open_is_exit_3_with_the_reason_on_one_line() throws Exception {
        scan("ws-1", "--out", "ws-1.json");
        Files.writeString(dir.resolve("not-a-dir"), "x");

        CliRun run = CliRun.run(dir, "ingest", "--db", "not-a-dir/fleet.db", "ws-1.json");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("patchchain: error: cannot open the fleet store jdbc:sqlite:")
                .hasLineCount(1);
    }

    @Test
    void serve_refuses_a_weak_token_before_listening() throws Exception {
        Files.writeString(dir.resolve("weak"), "secret\n");
        CliRun run = CliRun.run(dir, "serve", "--db", "fleet.db", "--port", "0", "--token-file", "weak");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("at least 32 characters");
        CliRun read = CliRun.run(dir, "serve", "--db", "fleet.db", "--port", "0", "--token-file", "token",
                "--read-token-file", "weak");
        assertThat(read.exit()).isEqualTo(2);
        assertThat(read.err()).contains("--read-token-file", "at least 32 characters");
    }

    @Test
    void report_renders_the_store_as_json_csv_and_a_static_html_page() throws Exception {
        scan("ws-1", "--out", "ws-1.json");
        CliRun.run(dir, "ingest", "--db", "fleet.db", "ws-1.json");

        CliRun json = CliRun.run(dir, "report", "--db", "fleet.db", "--json");
        CliRun csv = CliRun.run(dir, "report", "--db", "fleet.db", "--csv", "machines.csv");
        CliRun html = CliRun.run(dir, "report", "--db", "fleet.db", "--html", "site");

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = json.json();
        assertThat(report.at("/by_status/DOWNGRADE").asInt()).isEqualTo(1);
        assertThat(report.at("/downgrades_by_file/0/path").asText()).isEqualTo("C:\\Windows\\System32\\a.dll");
        assertThat(csv.exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("machines.csv"))).hasSize(2)
                .first().asString().startsWith("machine_id,host");
        String page = Files.readString(dir.resolve("site/index.html"), StandardCharsets.UTF_8);
        assertThat(html.exit()).isZero();
        assertThat(page).contains("<svg").contains("a.dll").doesNotContain("<script").doesNotContain("http://fonts")
                .doesNotContain("src=\"http");
        assertThat(CliRun.run(dir, "report", "--db", "fleet.db").exit()).isEqualTo(2);
    }

    @Test
    void scan_post_spools_while_the_server_is_down_and_sends_everything_once_it_is_up() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;

        CliRun offline = scan("ws-1", "--post", url, "--token-file", "token", "--spool", "spool", "--retries", "2");

        assertThat(offline.exit()).as(offline.err()).isEqualTo(3);
        assertThat(offline.err()).contains("unreachable").contains("1 waiting");
        assertThat(spooled()).hasSize(1);
        try (FleetStore store = FleetStore.open(StoreLocation.parse("fleet.db", dir), Clock.systemUTC());
             FleetServer server = FleetServer.start(store,
                     new ServerOptions(ServerOptions.LOOPBACK, port, Optional.of(BearerToken.of(TOKEN)), Optional.empty(), 30))) {
            CliRun online = scan("ws-1", "--post", server.uri().toString(), "--token-file", "token", "--spool", "spool");

            assertThat(online.exit()).as(online.err()).isEqualTo(1);
            assertThat(online.err()).contains("sent 2 new, 0 already stored, 0 rejected, 0 waiting");
            assertThat(store.snapshotCount()).isEqualTo(2);
        }
        assertThat(spooled()).isEmpty();
    }

    @Test
    void scan_names_the_machine_by_its_host_without_a_machine_id_and_refuses_to_guess_without_either() throws Exception {
        CliRun byHost = CliRun.run(dir, "scan", "--reg", "pending.reg", "--host", "WS-0002", "--out", "s.json");
        CliRun anonymous = CliRun.run(dir, "scan", "--reg", "pending.reg");
        CliRun badId = CliRun.run(dir, "scan", "--reg", "pending.reg", "--machine-id", "my machine");

        assertThat(byHost.exit()).as(byHost.err()).isZero();
        assertThat(SnapshotFormat.read(Files.readAllBytes(dir.resolve("s.json")), "s").machine().machineId())
                .isEqualTo("WS-0002");
        assertThat(anonymous.exit()).isEqualTo(2);
        assertThat(anonymous.err()).contains("--machine-id");
        assertThat(badId.exit()).isEqualTo(2);
        assertThat(badId.err()).contains("/machine/id");
    }

    @Test
    void scan_post_needs_a_strong_token() throws Exception {
        Files.writeString(dir.resolve("weak"), "secret\n");
        CliRun run = scan("ws-1", "--post", "http://127.0.0.1:1", "--token-file", "weak", "--spool", "spool");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("at least 32 characters");
    }

    private CliRun scan(String machineId, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "--reg", "pending.reg", "--image", "img", "--machine-id",
                machineId));
        args.addAll(List.of(more));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    private List<Path> spooled() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
