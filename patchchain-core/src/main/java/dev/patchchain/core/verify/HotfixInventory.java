package dev.patchchain.core.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The updates installed on one machine, as one or more sources report them. Today the sources are captures of
 * {@code systeminfo}, {@code wmic qfe} and {@code Get-HotFix}; the registry's legacy {@code Updates} key and the
 * component-servicing {@code Packages} key produce the same type, and {@link #merge} combines them.
 *
 * <p>An id listed twice (systeminfo repeats some) is kept once, first occurrence first.
 *
 * <pre>{@code
 * HotfixInventory inv = HotfixInventory.of(Optional.of("WIN7"), List.of(InstalledUpdate.of(UpdateId.parse("KB1"), "test")), List.of());
 * inv.contains(UpdateId.parse("kb1"));   // true
 * }</pre>
 *
 * @param host     the machine's name, if the source gives it
 * @param updates  the installed updates, in source order, each id once
 * @param warnings what the sources found odd but tolerated
 */
public record HotfixInventory(Optional<String> host, List<InstalledUpdate> updates, List<String> warnings) {

    /** An inventory that lists nothing. */
    public static final HotfixInventory EMPTY = new HotfixInventory(Optional.empty(), List.of(), List.of());

    /** Copies the lists, keeps the first entry of each id, and checks the components. */
    public HotfixInventory {
        Objects.requireNonNull(host, "host");
        Map<UpdateId, InstalledUpdate> unique = new LinkedHashMap<>();
        for (InstalledUpdate u : updates) {
            unique.putIfAbsent(u.id(), u);
        }
        updates = List.copyOf(unique.values());
        warnings = List.copyOf(warnings);
    }

    /**
     * @param host     the machine's name, if known
     * @param updates  the updates, duplicates allowed
     * @param warnings tolerated oddities
     * @return the inventory
     */
    public static HotfixInventory of(Optional<String> host, List<InstalledUpdate> updates, List<String> warnings) {
        return new HotfixInventory(host, updates, warnings);
    }

    /**
     * @param id an update
     * @return true if it is listed
     */
    public boolean contains(UpdateId id) {
        return find(id).isPresent();
    }

    /**
     * @param id an update
     * @return its entry, if listed
     */
    public Optional<InstalledUpdate> find(UpdateId id) {
        return updates.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /**
     * @param other a second inventory of the same machine
     * @return both lists, this one's entries first; the first known host name
     */
    public HotfixInventory merge(HotfixInventory other) {
        List<InstalledUpdate> all = new ArrayList<>(updates);
        all.addAll(other.updates);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(other.warnings);
        return new HotfixInventory(host.or(other::host), all, allWarnings);
    }
}
