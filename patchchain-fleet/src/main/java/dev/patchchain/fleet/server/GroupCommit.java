package dev.patchchain.fleet.server;

import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.IngestOutcome;
import dev.patchchain.fleet.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores concurrent uploads together: every snapshot posted while a transaction is being written goes into the
 * next one, so a busy server pays one commit (one {@code fsync}) per batch instead of per post. Nothing waits on
 * purpose: a lone post is written at once. Each post still gets its own outcome, in order.
 */
final class GroupCommit implements AutoCloseable {

    static final int MAX_BATCH = 500;
    /** One writer commits while the other collects the next batch; more writers would only split the batches. */
    private static final int WRITERS = 2;
    private static final long POLL_MILLIS = 100;
    /** A post never waits longer than this for its transaction (e.g. one queued while the server stops). */
    private static final long WAIT_SECONDS = 60;

    private final FleetStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /** One post waiting for its transaction. */
    private record Pending(Snapshot snapshot, CompletableFuture<IngestOutcome> outcome) {
    }

    GroupCommit(FleetStore store) {
        this.store = store;
        for (int i = 0; i < Math.min(WRITERS, store.connections()); i++) {
            Thread t = new Thread(this::write, "patchchain-group-commit-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
    }

    IngestOutcome ingest(Snapshot snapshot) throws StoreException, InterruptedException {
        if (closed) {
            throw new StoreException("the server is stopping", null);
        }
        Pending pending = new Pending(snapshot, new CompletableFuture<>());
        queue.put(pending);
        try {
            return pending.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("not stored within " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException s ? s
                    : new StoreException("storing failed: " + e.getCause(), e.getCause());
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<IngestOutcome> outcomes = store.ingestAll(batch.stream().map(Pending::snapshot).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(outcomes.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreException | RuntimeException e) {
                batch.forEach(p -> p.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : writers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StoreException stopping = new StoreException("the server stopped before this snapshot was stored", null);
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            p.outcome().completeExceptionally(stopping);
        }
    }
}
