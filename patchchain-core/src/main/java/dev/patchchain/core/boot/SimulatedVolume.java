package dev.patchchain.core.boot;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A copy-on-write view over a volume: the simulator's changes live in an overlay keyed by path, and the base
 * volume is never touched. A moved directory is an alias of its base path, so renaming a large tree costs
 * nothing. Lookups walk up from the path to the nearest overlaid ancestor.
 */
final class SimulatedVolume implements VolumeState {

    private final VolumeState base;
    private final Map<WinPath, Node> overlay = new HashMap<>();
    private final Map<WinPath, Map<String, String>> overlayChildren = new HashMap<>();
    /**
     * Overlay paths below which the base volume no longer shows through unchanged: moved or deleted directories
     * and the aliases they became. While it is empty (queues that only move files), a lookup needs no walk up.
     */
    private final Set<WinPath> shadowing = new HashSet<>();

    SimulatedVolume(VolumeState base) {
        this.base = base;
    }

    @Override
    public PathState stat(WinPath path) {
        Node own = overlay.get(path);
        if (own != null) {
            return own.state();
        }
        if (shadowing.isEmpty()) {
            return base.stat(path);
        }
        List<String> below = new ArrayList<>();
        below.add(path.fileName());
        for (WinPath p = path.parent(); p != null; p = p.parent()) {
            Node node = overlay.get(p);
            if (node instanceof Alias alias) {
                return base.stat(descend(alias.basePath(), below));
            }
            if (node != null) {
                return PathState.ABSENT;
            }
            below.add(0, p.fileName());
        }
        return base.stat(path);
    }

    @Override
    public List<String> list(WinPath directory) {
        if (!(stat(directory) instanceof PathState.Directory)) {
            return List.of();
        }
        Map<String, String> names = new TreeMap<>();
        WinPath basePath = basePathOf(directory);
        if (basePath != null) {
            for (String name : base.list(basePath)) {
                if (stat(directory.resolve(name)).exists()) {
                    names.put(WinPath.upcase(name), name);
                }
            }
        }
        Map<String, String> added = overlayChildren.get(directory);
        if (added != null) {
            for (Map.Entry<String, String> e : added.entrySet()) {
                Node node = overlay.get(directory.resolve(e.getValue()));
                if (node == null) {
                    continue;
                }
                if (node.state().exists()) {
                    names.put(e.getKey(), e.getValue());
                } else {
                    names.remove(e.getKey());
                }
            }
        }
        return new ArrayList<>(names.values());
    }

    @Override
    public boolean isKnown() {
        return base.isKnown();
    }

    /** Moves whatever is at {@code from} to {@code to}; the caller has checked that this is allowed. */
    void move(WinPath from, WinPath to) {
        PathState state = stat(from);
        if (state instanceof PathState.Directory) {
            WinPath basePath = basePathOf(from);
            Map<WinPath, Node> moved = new HashMap<>();
            removeBelow(from).forEach((below, node) -> moved.put(rebase(below, from, to), node));
            shadowing.add(from);
            shadowing.add(to);
            put(from, Gone.INSTANCE);
            put(to, new Alias(basePath));
            moved.forEach(this::put);
        } else {
            FileFacts facts = state instanceof PathState.File file ? file.facts() : FileFacts.UNKNOWN;
            put(from, Gone.INSTANCE);
            put(to, new File(facts));
        }
    }

    /** Removes whatever is at {@code path}; the caller has checked that a directory is empty. */
    void delete(WinPath path) {
        if (!(stat(path) instanceof PathState.File)) {
            shadowing.add(path);
        }
        removeBelow(path);
        put(path, Gone.INSTANCE);
    }

    private WinPath basePathOf(WinPath path) {
        if (shadowing.isEmpty() && !overlay.containsKey(path)) {
            return path;
        }
        List<String> below = new ArrayList<>();
        for (WinPath p = path; p != null; p = p.parent()) {
            Node node = overlay.get(p);
            if (node instanceof Alias alias) {
                return descend(alias.basePath(), below);
            }
            if (node != null) {
                return null;
            }
            below.add(0, p.fileName());
        }
        return path;
    }

    /**
     * Drops the overlay entries strictly below {@code path}, walking the overlay's own child index (so the cost
     * is the size of that subtree, not of the whole overlay).
     *
     * @return the dropped entries
     */
    private Map<WinPath, Node> removeBelow(WinPath path) {
        if (!overlayChildren.containsKey(path)) {
            return Map.of();
        }
        Map<WinPath, Node> removed = new HashMap<>();
        List<WinPath> pending = new ArrayList<>(List.of(path));
        while (!pending.isEmpty()) {
            WinPath dir = pending.remove(pending.size() - 1);
            Map<String, String> children = overlayChildren.remove(dir);
            if (children == null) {
                continue;
            }
            for (String name : children.values()) {
                WinPath child = dir.resolve(name);
                Node node = overlay.remove(child);
                if (node != null) {
                    removed.put(child, node);
                }
                pending.add(child);
            }
        }
        return removed;
    }

    private void put(WinPath path, Node node) {
        overlay.put(path, node);
        WinPath parent = path.parent();
        if (parent != null) {
            overlayChildren.computeIfAbsent(parent, k -> new HashMap<>()).put(WinPath.upcase(path.fileName()), path.fileName());
        }
    }

    private static WinPath descend(WinPath start, List<String> names) {
        WinPath p = start;
        for (String name : names) {
            p = p.resolve(name);
        }
        return p;
    }

    private static WinPath rebase(WinPath path, WinPath from, WinPath to) {
        return descend(to, path.names().subList(from.names().size(), path.names().size()));
    }

    private sealed interface Node {
        PathState state();
    }

    private record Gone() implements Node {
        static final Gone INSTANCE = new Gone();

        @Override
        public PathState state() {
            return PathState.ABSENT;
        }
    }

    private record File(FileFacts facts) implements Node {
        @Override
        public PathState state() {
            return PathState.file(facts);
        }
    }

    private record Alias(WinPath basePath) implements Node {
        @Override
        public PathState state() {
            return PathState.DIRECTORY;
        }
    }
}
