package dev.patchchain.fleet.server;

import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.StoreLocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A store and a server on a free loopback port, and a real HTTP client to talk to it. */
final class ServerFixture implements AutoCloseable {

    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    final FleetStore store;
    final FleetServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(StoreLocation location, Clock clock, boolean withToken) throws Exception {
        store = FleetStore.open(location, clock);
        server = FleetServer.start(store, new ServerOptions(ServerOptions.LOOPBACK, 0,
                withToken ? Optional.of(BearerToken.of(TOKEN)) : Optional.empty(), Optional.empty(), 30));
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> post(byte[] body, String contentType, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("api/v1/snapshots"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
