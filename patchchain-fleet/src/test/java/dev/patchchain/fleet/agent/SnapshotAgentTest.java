package dev.patchchain.fleet.agent;

import static dev.patchchain.fleet.TestSnapshots.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.patchchain.fleet.TestSnapshots;
import dev.patchchain.fleet.server.BearerToken;
import dev.patchchain.fleet.server.FleetServer;
import dev.patchchain.fleet.server.ServerOptions;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.TestDatabases;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAgentTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

    @TempDir
    Path dir;

    @Test
    void snapshots_wait_in_the_spool_while_the_server_is_down_and_go_out_on_the_next_run() throws Exception {
        int port = freePort();
        Path spool = dir.resolve("spool");
        SnapshotAgent agent = new SnapshotAgent(URI.create("http://127.0.0.1:" + port + "/api/v1/snapshots"), TOKEN,
                spool, QUICK, Clock.systemUTC());

        Delivery offline = agent.deliver(SnapshotFormat.write(TestSnapshots.clean("ws-1", "a", NOW)));

        assertThat(offline.waiting()).isEqualTo(1);
        assertThat(offline.problems()).singleElement().asString().contains("unreachable");
        try (FleetStore store = FleetStore.open(TestDatabases.sqlite(dir), Clock.systemUTC());
             FleetServer server = FleetServer.start(store,
                     new ServerOptions(ServerOptions.LOOPBACK, port, Optional.of(BearerToken.of(TOKEN)), Optional.empty(), 30))) {
            assertThat(server.port()).isEqualTo(port);
            Delivery online = agent.deliver(SnapshotFormat.write(TestSnapshots.clean("ws-1", "b", NOW.plusSeconds(5))));

            assertThat(online).isEqualTo(new Delivery(2, 0, 0, 0, java.util.List.of()));
            assertThat(store.snapshotCount()).isEqualTo(2);
            assertThat(store.machines(10, 0).get(0).scanId()).isEqualTo("b");
        }
        assertThat(Files.list(spool).filter(Files::isRegularFile)).isEmpty();
    }

    @Test
    void a_transient_failure_is_retried_and_an_invalid_snapshot_is_set_aside() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flaky.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = body.contains("broken") ? 400 : calls.incrementAndGet() <= 2 ? 503 : 201;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        flaky.start();
        try {
            Path spool = dir.resolve("spool");
            SnapshotAgent agent = new SnapshotAgent(URI.create("http://127.0.0.1:" + flaky.getAddress().getPort() + "/"),
                    TOKEN, spool, QUICK, Clock.systemUTC());

            Delivery rejected = agent.deliver("{\"broken\": true}".getBytes(StandardCharsets.UTF_8));
            Delivery retried = agent.deliver(SnapshotFormat.write(TestSnapshots.clean("ws-1", "a", NOW)));

            assertThat(rejected.rejected()).isEqualTo(1);
            assertThat(rejected.problems()).singleElement().asString().contains("rejected (400)");
            assertThat(Files.list(spool.resolve("rejected"))).hasSize(1);
            assertThat(retried.stored()).isEqualTo(1);
            assertThat(calls).hasValue(3);
        } finally {
            flaky.stop(0);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
