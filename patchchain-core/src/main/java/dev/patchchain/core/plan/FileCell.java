package dev.patchchain.core.plan;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.Origin;
import dev.patchchain.core.queue.PendingOperation;
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
 * A target file: what is on disk, what the machine already has pending for it, the renames the packages queued onto
 * it (staged files, in queue order) and the decision each installer has made but not yet carried out. Its boot runs
 * the real {@link BootSimulator} (and {@link Chainer}) on a volume holding just the target, the staged files and the
 * paths the machine's entries name: the machine's queue entries first, then the packages' renames (installers
 * append), then servicing's {@code pending.xml}. Entries for other targets do not change this one, because every
 * staged file has its own name.
 *
 * @param target    the file
 * @param disk      what is at the target now
 * @param machine   what the machine had pending for it before any package ran
 * @param queue     the staged files the packages queued to replace it, in queue order
 * @param decisions per package index, true if it decided to install its file
 */
record FileCell(WinPath target, PathState disk, PendingEntries machine, List<Staged> queue,
                Map<Integer, Boolean> decisions) implements Cell {

    /**
     * A staged file and the rename that will move it onto the target.
     *
     * @param pkg     the package index
     * @param source  the staged file
     * @param version its version
     */
    record Staged(int pkg, WinPath source, FileVersion version) {
    }

    private static final String REPLACE = "!";

    static FileCell of(WinPath target, PathState disk, PendingEntries machine) {
        return new FileCell(target, disk, machine, List.of(), Map.of());
    }

    @Override
    public String subject() {
        return target.toString();
    }

    /** @return the versions queued for the target, the machine's included, as a queue-checking installer sees them */
    List<FileVersion> queuedVersions() {
        List<FileVersion> out = new ArrayList<>(machine.versionsOnto(machine.queue(), target));
        queue.forEach(s -> out.add(s.version()));
        out.addAll(machine.versionsOnto(machine.servicing(), target));
        return out;
    }

    /**
     * @return what is queued for the target in boot order, e.g.
     *         {@code [6.1.0.4 (PendingFileRenameOperations[0]), 6.1.0.3]}
     */
    List<String> queueText() {
        List<String> out = new ArrayList<>(machine.describe(machine.queue(), target));
        queue.forEach(s -> out.add(s.version().toString()));
        out.addAll(machine.describe(machine.servicing(), target));
        return out;
    }

    FileCell decide(int pkg, boolean replace) {
        Map<Integer, Boolean> d = new HashMap<>(decisions);
        d.put(pkg, replace);
        return new FileCell(target, disk, machine, queue, Map.copyOf(d));
    }

    FileCell carryOut(int pkg, WinPath staged, FileVersion version, boolean throughQueue) {
        Map<Integer, Boolean> d = new HashMap<>(decisions);
        boolean replace = Boolean.TRUE.equals(d.remove(pkg));
        if (!replace) {
            return new FileCell(target, disk, machine, queue, Map.copyOf(d));
        }
        if (!throughQueue) {
            return new FileCell(target, PathState.file(FileFacts.versioned(-1, version)), machine, queue,
                    Map.copyOf(d));
        }
        List<Staged> q = new ArrayList<>(queue);
        q.add(new Staged(pkg, staged, version));
        return new FileCell(target, disk, machine, List.copyOf(q), Map.copyOf(d));
    }

    static WinPath stagedPath(WinPath target, String pkgId) {
        return target.parent().resolve(target.fileName() + "." + pkgId.replaceAll("[^A-Za-z0-9._-]", "_") + ".staged");
    }

    @Override
    public Cell boot(boolean chain, BootRules rules) {
        if (queue.isEmpty() && machine.isEmpty()) {
            return new FileCell(target, disk, PendingEntries.NONE, List.of(), Map.of());
        }
        PendingQueue pending = PendingQueue.of(bootOrder());
        VolumeState volume = new CellVolume(this);
        if (chain) {
            pending = new Chainer(rules).chain(pending, volume).chained();
        }
        PathState after = new BootSimulator(rules).run(pending, volume).after().stat(target);
        return new FileCell(target, after, PendingEntries.NONE, List.of(), Map.of());
    }

    /**
     * The machine's queue entries, then the packages' renames appended to the value the machine's last entry is in
     * (MoveFileEx appends to {@code PendingFileRenameOperations2} when it exists), then servicing's operations.
     */
    private List<PendingOperation> bootOrder() {
        List<PendingOperation> ops = new ArrayList<>(machine.queue());
        QueueValueName value = ops.isEmpty() ? QueueValueName.PENDING_FILE_RENAME_OPERATIONS
                : ops.get(ops.size() - 1).origin().value();
        int index = ops.stream().filter(op -> op.origin().value() == value)
                .mapToInt(op -> op.origin().stringIndex() + op.rawStrings().size()).max().orElse(0);
        // parsed from the strings the installer writes: the boot checks the syntax they were written in
        WinPath to = WinPath.parse(target.toNtString());
        for (Staged s : queue) {
            String from = s.source().toNtString();
            ops.add(new PendingOperation.Rename(new Origin(value, index), from, REPLACE + to.raw(), "",
                    WinPath.parse(from), REPLACE, to));
            index += 2;
        }
        ops.addAll(machine.servicing());
        return ops;
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
