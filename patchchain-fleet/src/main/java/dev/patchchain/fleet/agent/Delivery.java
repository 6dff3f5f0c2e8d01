package dev.patchchain.fleet.agent;

import java.util.List;

/**
 * What one run of {@link SnapshotAgent#deliver} did with the spool.
 *
 * @param stored     snapshots the server stored (201)
 * @param duplicates snapshots it already had (200)
 * @param rejected   snapshots it refused as invalid (moved to {@code rejected/} in the spool)
 * @param waiting    snapshots still in the spool (the server could not be reached or refused the token)
 * @param problems   one line per failure, for stderr
 */
public record Delivery(int stored, int duplicates, int rejected, int waiting, List<String> problems) {

    /** Copies the list. */
    public Delivery {
        problems = List.copyOf(problems);
    }

    /** @return true if everything spooled so far reached the server */
    public boolean complete() {
        return waiting == 0 && rejected == 0;
    }
}
