package dev.patchchain.fleet.agent;

import dev.patchchain.fleet.snapshot.SnapshotFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends snapshots to {@code patchchain serve} without losing any: a snapshot is written to the spool before anything
 * is sent, then the whole spool goes out oldest first. A post that may succeed later (no connection, 5xx, 408,
 * 429) is retried with backoff; if it still fails the rest waits for the next run. 2xx removes the file; 400, 413
 * and 415 move it to {@code rejected/}; 401 and 403 keep it (the token can be fixed).
 *
 * <pre>{@code
 * SnapshotAgent agent = new SnapshotAgent(URI.create("https://fleet/api/v1/snapshots"), token, spoolDir,
 *         RetryPolicy.DEFAULT, Clock.systemUTC());
 * Delivery d = agent.deliver(SnapshotFormat.write(snapshot));
 * }</pre>
 */
public final class SnapshotAgent {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String token;
    private final Spool spool;
    private final RetryPolicy retry;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param endpoint the upload URL, e.g. {@code http://fleet:8470/api/v1/snapshots}
     * @param token    the bearer token
     * @param spoolDir where snapshots wait
     * @param retry    how to retry
     * @param clock    names spool files in time order
     */
    public SnapshotAgent(URI endpoint, String token, Path spoolDir, RetryPolicy retry, Clock clock) {
        this.endpoint = endpoint;
        this.token = token;
        this.spool = new Spool(spoolDir);
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Spools {@code snapshot}, then sends everything spooled.
     *
     * @param snapshot a snapshot's JSON
     * @return what happened to the spool
     * @throws IOException if the spool cannot be written
     */
    public Delivery deliver(byte[] snapshot) throws IOException {
        spool.add(snapshot, clock.millis());
        return flush();
    }

    /**
     * Sends everything spooled, oldest first, stopping at the first snapshot that cannot be delivered now.
     *
     * @return what happened to the spool
     * @throws IOException if the spool cannot be read
     */
    public Delivery flush() throws IOException {
        int stored = 0;
        int duplicates = 0;
        int rejected = 0;
        List<String> problems = new ArrayList<>();
        List<Path> pending = spool.pending();
        int waiting = pending.size();
        for (Path file : pending) {
            Attempt attempt = post(Files.readAllBytes(file));
            if (attempt.status == 201 || attempt.status == 200) {
                spool.sent(file);
                waiting--;
                if (attempt.status == 201) {
                    stored++;
                } else {
                    duplicates++;
                }
            } else if (attempt.status == 400 || attempt.status == 413 || attempt.status == 415) {
                Path moved = spool.reject(file);
                waiting--;
                rejected++;
                problems.add("rejected (" + attempt.status + "), kept in " + moved + ": " + attempt.detail);
            } else {
                problems.add("not delivered, " + waiting + " snapshot(s) wait in the spool: " + attempt.detail);
                break;
            }
        }
        return new Delivery(stored, duplicates, rejected, waiting, problems);
    }

    private Attempt post(byte[] body) {
        Attempt last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            last = once(body);
            if (!last.transientFailure()) {
                return last;
            }
            if (attempt < retry.attempts()) {
                try {
                    Thread.sleep(retry.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
            }
        }
        return last;
    }

    private Attempt once(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", SnapshotFormat.MEDIA_TYPE).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode(), "HTTP " + response.statusCode() + " " + response.body().strip());
        } catch (IOException e) {
            return new Attempt(0, endpoint + " unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted");
        }
    }

    /** One answer: an HTTP status, or 0 when there was none. */
    private record Attempt(int status, String detail) {
        boolean transientFailure() {
            return status == 0 || status == 408 || status == 429 || status >= 500;
        }
    }
}
