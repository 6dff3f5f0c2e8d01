package dev.patchchain.core.verify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link Verifier#verify}: one check per installed update, in inventory order.
 *
 * @param host    the machine's name, if the inventory gave it
 * @param updates the checks
 */
public record VerifyReport(Optional<String> host, List<UpdateCheck> updates) {

    /** Copies the list. */
    public VerifyReport {
        updates = List.copyOf(updates);
    }

    /** @return true if any file regressed or will regress at the next boot */
    public boolean hasRegression() {
        return updates.stream().flatMap(u -> u.files().stream()).anyMatch(f -> f.status().isRegression());
    }

    /** @return true if any file is current by version but not validly signed (only with signatures required) */
    public boolean hasSignatureFailure() {
        return updates.stream().flatMap(u -> u.files().stream()).anyMatch(f -> f.status().isSignatureFailure());
    }

    /** @return how many updates have each status, every status present (zero counts included) */
    public Map<VerifyStatus, Integer> countByStatus() {
        Map<VerifyStatus, Integer> counts = new EnumMap<>(VerifyStatus.class);
        for (VerifyStatus s : VerifyStatus.values()) {
            counts.put(s, 0);
        }
        updates.forEach(u -> counts.merge(u.status(), 1, Integer::sum));
        return counts;
    }
}
