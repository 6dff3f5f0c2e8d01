package dev.patchchain.fleet.server;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.TestDatabases;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started with a read token, over loopback: the machine list and the dashboard need it, nothing else. */
class ReadAccessTest {

    private static final String WRITE = ServerFixture.TOKEN;
    private static final String READ = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;
    private FleetStore store;
    private FleetServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        store = FleetStore.open(TestDatabases.sqlite(dir), Clock.fixed(NOW, ZoneOffset.UTC));
        server = FleetServer.start(store, new ServerOptions(ServerOptions.LOOPBACK, 0,
                Optional.of(BearerToken.of(WRITE)), Optional.of(BearerToken.of(READ)), 30));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void readsWithoutTheReadTokenAre401AndAskABrowserForIt() throws Exception {
        for (String path : new String[] {"", "api/v1/machines"}) {
            HttpResponse<String> none = get(path, null);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"patchchain\", charset=\"UTF-8\"");
            assertThat(none.body()).doesNotContain("<svg");
            assertThat(get(path, "Bearer " + WRITE).statusCode()).as("the write token does not read").isEqualTo(401);
            assertThat(get(path, "Bearer " + READ.replace('f', 'e')).statusCode()).isEqualTo(401);
            assertThat(get(path, "Basic !!not base64").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theReadTokenAsBearerOrBasicPasswordReads() throws Exception {
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(server.uri().resolve("api/v1/snapshots"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + WRITE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(SnapshotFormat.write(
                        TestSnapshots.downgrading("ws-7", "scan-1", NOW, "C:\\Windows\\System32\\foo.dll"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(201);

        assertThat(get("api/v1/machines", "Bearer " + READ).body()).contains("ws-7");
        String basic = Base64.getEncoder().encodeToString(("anyone:" + READ).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> dashboard = get("", "Basic " + basic);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<svg");
    }

    @Test
    void healthAndMetricsStayOpen() throws Exception {
        assertThat(get("healthz", null).statusCode()).isEqualTo(200);
        assertThat(get("metrics", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
