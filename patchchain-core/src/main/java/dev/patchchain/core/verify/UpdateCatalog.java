package dev.patchchain.core.verify;

import dev.patchchain.core.path.WinPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What updates should have put on disk: the expected files per update, and which update replaces which.
 *
 * <pre>{@code
 * UpdateCatalog catalog = new UpdateCatalog(List.of(update1, update2));
 * catalog.find(UpdateId.parse("KB2"));            // Optional[update2]
 * catalog.supersededBy(UpdateId.parse("KB1"));    // the updates that replace KB1, directly or through others
 * }</pre>
 *
 * @param updates the updates, each id once
 */
public record UpdateCatalog(List<CatalogUpdate> updates) {

    /** Copies the list and rejects an id listed twice. */
    public UpdateCatalog {
        updates = List.copyOf(updates);
        Set<UpdateId> seen = new HashSet<>();
        for (CatalogUpdate u : updates) {
            if (!seen.add(u.id())) {
                throw new IllegalArgumentException("update " + u.id() + " is listed twice in the catalog");
            }
        }
    }

    /**
     * @param id an update
     * @return its catalog entry, if any
     */
    public Optional<CatalogUpdate> find(UpdateId id) {
        return updates.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /**
     * The updates that replace {@code id}, directly or through a chain of supersedence (cycles are tolerated).
     *
     * @param id an update
     * @return the replacing updates, nearest first
     */
    public List<UpdateId> supersededBy(UpdateId id) {
        Map<UpdateId, Boolean> found = new LinkedHashMap<>();
        Deque<UpdateId> work = new ArrayDeque<>(List.of(id));
        while (!work.isEmpty()) {
            UpdateId current = work.removeFirst();
            for (CatalogUpdate u : updates) {
                if (u.supersedes().contains(current) && !u.id().equals(id) && found.putIfAbsent(u.id(), true) == null) {
                    work.addLast(u.id());
                }
            }
        }
        return List.copyOf(found.keySet());
    }

    /**
     * Combines two catalogs: an update in both gets the union of their supersedes and files (this one's first),
     * and this one's title unless it is empty.
     *
     * @param other another catalog
     * @return both, this one's updates first
     */
    public UpdateCatalog merge(UpdateCatalog other) {
        Map<UpdateId, CatalogUpdate> all = new LinkedHashMap<>();
        for (CatalogUpdate u : updates) {
            all.put(u.id(), u);
        }
        for (CatalogUpdate u : other.updates) {
            all.merge(u.id(), u, (a, b) -> new CatalogUpdate(a.id(), a.title().isEmpty() ? b.title() : a.title(),
                    union(a.supersedes(), b.supersedes()), union(a.files(), b.files())));
        }
        return new UpdateCatalog(List.copyOf(all.values()));
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * @param id   an update
     * @param path a file
     * @return true if the update's catalog entry lists the file
     */
    public boolean installs(UpdateId id, WinPath path) {
        return find(id).map(u -> u.files().stream().anyMatch(f -> f.path().equals(path))).orElse(false);
    }
}
