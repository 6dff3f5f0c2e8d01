package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A target file: what is on disk, the renames queued onto it (staged files, in queue order) and the decision each
 * installer has made but not yet carried out. Its boot runs the real {@link BootSimulator} (and {@link Chainer})
 * on a volume holding just the target and the staged files: entries for other targets do not change this one,
 * because every staged file has its own name.
 *
 * @param target    the file
 * @param disk      what is at the target now
 * @param queue     the staged files queued to replace it, in queue order
 * @param decisions per package index, true if it decided to install its file
 */
record FileCell(WinPath target, PathState disk, List<Staged> queue, Map<Integer, Boolean> decisions) implements Cell {

    /**
     * A staged file and the rename that will move it onto the target.
     *
     * @param pkg     the package index
     * @param source  the staged file
     * @param version its version
     */
    record Staged(int pkg, WinPath source, FileVersion version) {
    }

    static FileCell of(WinPath target, PathState disk) {
        return new FileCell(target, disk, List.of(), Map.of());
    }

    @Override
    public String subject() {
        return target.toString();
    }

    List<FileVersion> queuedVersions() {
        return queue.stream().map(Staged::version).toList();
    }

    FileCell decide(int pkg, boolean replace) {
        Map<Integer, Boolean> d = new HashMap<>(decisions);
        d.put(pkg, replace);
        return new FileCell(target, disk, queue, Map.copyOf(d));
    }

    FileCell carryOut(int pkg, WinPath staged, FileVersion version, boolean throughQueue) {
        Map<Integer, Boolean> d = new HashMap<>(decisions);
        boolean replace = Boolean.TRUE.equals(d.remove(pkg));
        if (!replace) {
            return new FileCell(target, disk, queue, Map.copyOf(d));
        }
        if (!throughQueue) {
            return new FileCell(target, PathState.file(FileFacts.versioned(-1, version)), queue, Map.copyOf(d));
        }
        List<Staged> q = new ArrayList<>(queue);
        q.add(new Staged(pkg, staged, version));
        return new FileCell(target, disk, List.copyOf(q), Map.copyOf(d));
    }

    static WinPath stagedPath(WinPath target, String pkgId) {
        return target.parent().resolve(target.fileName() + "." + pkgId.replaceAll("[^A-Za-z0-9._-]", "_") + ".staged");
    }

    @Override
    public Cell boot(boolean chain, BootRules rules) {
        if (queue.isEmpty()) {
            return new FileCell(target, disk, List.of(), Map.of());
        }
        List<String> strings = new ArrayList<>();
        for (Staged s : queue) {
            strings.add(s.source().toNtString());
            strings.add("!" + target.toNtString());
        }
        PendingQueue pending = PendingQueue.fromLayouts(
                Map.of(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, MultiSz.of(strings)), PathContext.DEFAULT);
        VolumeState volume = new CellVolume(this);
        if (chain) {
            pending = new Chainer(rules).chain(pending, volume).chained();
        }
        PathState after = new BootSimulator(rules).run(pending, volume).after().stat(target);
        return new FileCell(target, after, List.of(), Map.of());
    }

    @Override
    public String differenceFrom(Cell expected) {
        PathState want = ((FileCell) expected).disk;
        FileVersion g = version(disk);
        FileVersion w = version(want);
        String relation = g == null || w == null ? " instead of " : g.isOlderThan(w) ? " < " : " > ";
        return "after the reboot " + target.fileName() + " is " + show(disk) + relation + show(want)
                + " (the reference: each package alone, rebooting after each)";
    }

    static FileVersion version(PathState state) {
        return state instanceof PathState.File f ? f.facts().version().orElse(null) : null;
    }

    static String show(PathState state) {
        if (state instanceof PathState.File f) {
            return f.facts().version().map(FileVersion::toString).orElse("a file without version");
        }
        return state instanceof PathState.Unknown ? "unknown" : "absent";
    }
}
