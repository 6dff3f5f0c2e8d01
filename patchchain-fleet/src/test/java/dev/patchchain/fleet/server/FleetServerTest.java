package dev.patchchain.fleet.server;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over loopback, through java.net.http: every status the upload endpoint promises. */
class FleetServerTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private final byte[] snapshot = SnapshotFormat.write(
            TestSnapshots.downgrading("ws-7", "scan-1", NOW, "C:\\Windows\\System32\\foo.dll"));

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(TestDatabases.sqlite(dir), Clock.fixed(NOW, ZoneOffset.UTC), true);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_new_snapshot_is_201_and_the_same_again_is_200() throws Exception {
        HttpResponse<String> first = fixture.post(snapshot, "application/json", ServerFixture.TOKEN);
        HttpResponse<String> again = fixture.post(snapshot, "application/json; charset=utf-8", ServerFixture.TOKEN);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first.body()).get("outcome").asText()).isEqualTo("new");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(fixture.store.snapshotCount()).isEqualTo(1);
    }

    @Test
    void no_write_without_the_token() throws Exception {
        HttpResponse<String> none = fixture.post(snapshot, "application/json", null);
        HttpResponse<String> wrong = fixture.post(snapshot, "application/json", ServerFixture.TOKEN.replace('0', '1'));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"patchchain\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(fixture.store.snapshotCount()).isZero();
    }

    @Test
    void a_server_started_without_a_token_refuses_every_write() throws Exception {
        try (ServerFixture open = new ServerFixture(TestDatabases.sqlite(dir), Clock.systemUTC(), false)) {
            HttpResponse<String> response = open.post(snapshot, "application/json", ServerFixture.TOKEN);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response.body()).get("message").asText()).contains("--token-file");
        }
    }

    @Test
    void another_content_type_is_415() throws Exception {
        HttpResponse<String> response = fixture.post(snapshot, "text/plain", ServerFixture.TOKEN);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response.body()).get("message").asText()).contains("found text/plain");
    }

    @Test
    void a_body_over_the_limit_is_413() throws Exception {
        byte[] big = new byte[SnapshotFormat.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = fixture.post(big, "application/json", ServerFixture.TOKEN);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void a_schema_violation_is_400_with_its_pointer() throws Exception {
        byte[] bad = new String(snapshot, StandardCharsets.UTF_8).replace("\"HIGH\"", "\"SEVERE\"")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = fixture.post(bad, "application/json", ServerFixture.TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid");
        assertThat(json(response.body()).get("message").asText()).contains("/findings/0/severity");
        assertThat(fixture.post("{".getBytes(StandardCharsets.UTF_8), "application/json", ServerFixture.TOKEN).statusCode())
                .isEqualTo(400);
    }

    @Test
    void machines_health_and_metrics_answer() throws Exception {
        fixture.post(snapshot, "application/json", ServerFixture.TOKEN);
        fixture.post(snapshot, "text/plain", ServerFixture.TOKEN);

        JsonNode machines = json(fixture.get("api/v1/machines").body());
        assertThat(machines).hasSize(1);
        assertThat(machines.get(0).get("status").asText()).isEqualTo("DOWNGRADE");
        assertThat(fixture.get("api/v1/machines?limit=-1").statusCode()).isEqualTo(400);
        assertThat(fixture.get("healthz").body()).isEqualTo("ok\n");
        HttpResponse<String> metrics = fixture.get("metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains("patchchain_snapshots_received_total{outcome=\"new\"} 1")
                .contains("patchchain_snapshots_rejected_total{reason=\"unsupported_media_type\"} 1")
                .contains("patchchain_ingest_seconds_count 1");
        HttpResponse<String> dashboard = fixture.get("");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'none'"));
        assertThat(dashboard.body()).contains("<svg").contains("C:\\Windows\\System32\\foo.dll").doesNotContain("<script");
    }

    @Test
    void the_server_listens_on_loopback_by_default() {
        assertThat(fixture.server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    private static JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }
}
