package dev.patchchain.fleet.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending rename queue as found: the strings of each registry value that exists, by value name, and how many
 * operations they decode to.
 *
 * @param values     value name ({@code PendingFileRenameOperations}, {@code PendingFileRenameOperations2}) to its
 *                   strings, as written; a value that does not exist is absent
 * @param operations the number of decoded operations
 */
public record SnapshotQueue(Map<String, List<String>> values, int operations) {

    /** Copies the map, keeping its order, and checks the count. */
    public SnapshotQueue {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Collections.unmodifiableMap(copy);
        if (operations < 0) {
            throw new IllegalArgumentException("operations < 0: " + operations);
        }
    }
}
