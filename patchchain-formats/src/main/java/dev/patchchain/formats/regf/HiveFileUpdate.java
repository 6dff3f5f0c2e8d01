package dev.patchchain.formats.regf;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Changes one value in a hive file, safely: backup of the original (timestamped, beside it or in a given
 * directory), new hive written to a temporary file in the same directory and forced to disk, then verified (the
 * file is the image written, our strict reader reads the value back exactly, it is byte-identical to the old
 * hive outside the ranges the edit declares, and the original has not changed meanwhile), atomically renamed over
 * the original, and the directory forced.
 * Until the rename, a failure leaves the original untouched. See {@code docs/formats/regf.md#writing}.
 *
 * <pre>{@code
 * HiveUpdateResult r = HiveFileUpdate.apply(Path.of("SYSTEM"),
 *         ValueChange.set("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7, multiSz),
 *         HiveUpdateOptions.DEFAULT);
 * }</pre>
 *
 * <p>A dirty hive is refused unless {@link HiveUpdateOptions#recoverFromLogs()}: then its logs are replayed in
 * memory, the recovered image is edited and written, and, since {@link HiveUpdateOptions#discardLogs()} is also
 * required, the stale logs are moved next to the backup after the rename.
 */
public final class HiveFileUpdate {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private HiveFileUpdate() {
    }

    /**
     * @param hive    the hive file
     * @param change  the value to set or delete
     * @param options backup directory, dirty-hive handling, clock, hook
     * @return what was done
     * @throws RefusedWriteException if the write is refused (nothing written)
     * @throws IOException           if the hive is damaged or a step fails (before the rename: original untouched)
     */
    public static HiveUpdateResult apply(Path hive, ValueChange change, HiveUpdateOptions options)
            throws IOException {
        return apply(hive, List.of(change), options);
    }

    /**
     * Changes several values of the hive in one file replacement: all of them or none (the queue's two values, for
     * instance). Each change is applied to the image the previous one produced, so the sequence numbers go up by one
     * per change that edits.
     *
     * @param hive    the hive file
     * @param changes the values to set or delete, each value at most once
     * @param options backup directory, dirty-hive handling, clock, hook
     * @return what was done
     * @throws RefusedWriteException if a write is refused (nothing written)
     * @throws IOException           if the hive is damaged or a step fails (before the rename: original untouched)
     */
    public static HiveUpdateResult apply(Path hive, List<ValueChange> changes, HiveUpdateOptions options)
            throws IOException {
        String source = String.valueOf(hive.getFileName());
        byte[] original = Files.readAllBytes(hive);
        BaseBlock base = BaseBlock.read(LeReader.of(source, original), 0);
        boolean dirty = !base.checksumValid() || !base.sequencesMatch();
        List<Path> logs = dirty ? TransactionLogs.beside(hive) : List.of();
        byte[] start = dirty ? recovered(hive, source, original, base, logs, options) : original;
        HiveEdit edit = new HiveEdit(start, List.of());
        for (ValueChange change : changes) {
            HiveEdit next = RegfValueWriter.apply(edit.image(), source, change, options.clock().instant());
            edit = new HiveEdit(next.image(), merged(edit.changes(), next.changes()));
        }
        if (edit.changes().isEmpty() && !dirty) {
            return new HiveUpdateResult(null, edit, false, List.of());
        }
        Path dir = hive.toAbsolutePath().getParent();
        Path backupDir = options.backupDir() == null ? dir : options.backupDir();
        String stamp = STAMP.format(options.clock().instant());
        Path backup = backup(original, backupDir, source + "." + stamp, ".bak", options.hook());
        Path temp = Files.createTempFile(dir, "." + source + ".", ".patchchain-tmp");
        try {
            keepPermissions(hive, temp);
            write(temp, edit.image(), options.hook());
            options.hook().before(HiveUpdateHook.Step.VERIFY, temp);
            verify(temp, start, edit, changes);
            if (!Arrays.equals(Files.readAllBytes(hive), original)) {
                throw new IOException(hive + ": changed by someone else while it was being edited; not replaced");
            }
            options.hook().before(HiveUpdateHook.Step.RENAME, temp);
            Files.move(temp, hive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        options.hook().before(HiveUpdateHook.Step.SYNC_DIRECTORY, dir);
        syncDirectory(dir);
        List<Path> moved = new ArrayList<>();
        for (Path log : logs) {
            options.hook().before(HiveUpdateHook.Step.MOVE_LOG, log);
            // After the rename: the new hive is clean, so even a log left behind here is not replayed over it.
            Path target = unique(backupDir, log.getFileName() + "." + stamp, ".bak");
            moved.add(Files.move(log, target)); // the backup directory may be on another file system
        }
        return new HiveUpdateResult(backup, edit, dirty, moved);
    }

    private static byte[] recovered(Path hive, String source, byte[] original, BaseBlock base, List<Path> logs,
            HiveUpdateOptions options) throws IOException {
        String state = source + ": dirty hive (primary sequence " + Integer.toUnsignedString(base.primarySequence())
                + ", secondary " + Integer.toUnsignedString(base.secondarySequence()) + ", checksum "
                + (base.checksumValid() ? "valid" : "bad") + ")";
        if (!options.recoverFromLogs()) {
            throw new RefusedWriteException(state + ": refusing to write; recoverFromLogs writes the hive as"
                    + " recovered from its logs");
        }
        if (!options.discardLogs()) {
            throw new RefusedWriteException(state + ": writing the recovered hive leaves its logs " + logs
                    + " stale; discardLogs moves them next to the backup");
        }
        LogRecovery recovery = LogReplay.replay(ByteBuffer.wrap(original), base, source, logs, new Leniency(false));
        if (!recovery.applied()) {
            throw new RefusedWriteException(state + ": its logs cannot recover it (" + recovery.why() + ")");
        }
        return recovery.recovered();
    }

    /** Writes the bytes the edit started from (not a second read of the file) to a new backup file, forced. */
    private static Path backup(byte[] original, Path dir, String stem, String suffix, HiveUpdateHook hook)
            throws IOException {
        for (int n = 1; ; n++) {
            Path target = dir.resolve(n == 1 ? stem + suffix : stem + "-" + n + suffix);
            if (Files.exists(target)) {
                continue;
            }
            hook.before(HiveUpdateHook.Step.BACKUP, target);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(original);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
                return target;
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
        }
    }

    private static Path unique(Path dir, String stem, String suffix) {
        Path target = dir.resolve(stem + suffix);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(stem + "-" + n + suffix);
        }
        return target;
    }

    /** A temporary file is created owner-only; the hive keeps its own POSIX permissions where there are any. */
    private static void keepPermissions(Path hive, Path temp) throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(hive));
        }
    }

    private static void write(Path temp, byte[] image, HiveUpdateHook hook) throws IOException {
        hook.before(HiveUpdateHook.Step.WRITE, temp);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(image);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            hook.before(HiveUpdateHook.Step.FSYNC, temp);
            ch.force(true);
        }
    }

    /**
     * @param temp    the file written
     * @param before  the hive the edit started from (the original, or its recovered image)
     * @param edit    the edit
     * @param changes what was changed
     * @throws IOException if any check fails
     */
    private static void verify(Path temp, byte[] before, HiveEdit edit, List<ValueChange> changes)
            throws IOException {
        byte[] written = Files.readAllBytes(temp);
        if (!Arrays.equals(written, edit.image())) {
            throw new IOException(temp + ": verification failed: the file differs from the image written");
        }
        unchangedOutside(before, written, edit.changes(), temp);
        try (RegfHive reread = RegfHive.open(temp, RegfOptions.STRICT.withoutLogs())) {
            if (reread.dirty()) {
                throw new IOException(temp + ": verification failed: the new hive is dirty");
            }
            for (ValueChange change : changes) {
                RegfKey key = reread.key(change.keyPath()).orElseThrow(() -> new IOException(temp
                        + ": verification failed: key '" + change.keyPath() + "' is gone"));
                Optional<RegfValue> value = key.value(change.name());
                boolean exact = change.isDelete() ? value.isEmpty() : value.isPresent()
                        && value.get().type() == change.type() && Arrays.equals(value.get().data(), change.data());
                if (!exact) {
                    throw new IOException(temp + ": verification failed: value '" + change.name() + "' reads back as "
                            + value.map(RegfValue::toString).orElse("absent"));
                }
                key.values(); // strict: every value of the key still reads
            }
        }
    }

    /** @return both lists of ranges as one, sorted, merged where they overlap or touch */
    private static List<ByteRange> merged(List<ByteRange> a, List<ByteRange> b) {
        List<ByteRange> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(ByteRange::offset));
        List<ByteRange> out = new ArrayList<>();
        for (ByteRange r : all) {
            ByteRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.offset() <= last.end()) {
                out.set(out.size() - 1, new ByteRange(last.offset(), Math.max(last.end(), r.end()) - last.offset()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Every byte outside the declared ranges is the old byte; the file never shrinks. */
    private static void unchangedOutside(byte[] before, byte[] after, List<ByteRange> changes, Path temp)
            throws IOException {
        if (after.length < before.length) {
            throw new IOException(temp + ": verification failed: the file shrank from " + before.length + " to "
                    + after.length + " bytes");
        }
        long at = 0;
        List<ByteRange> gaps = new ArrayList<>(changes);
        gaps.add(new ByteRange(after.length, 0));
        for (ByteRange r : gaps) {
            long end = Math.min(r.offset(), before.length);
            if (at < end) {
                int mismatch = Arrays.mismatch(before, (int) at, (int) end, after, (int) at, (int) end);
                if (mismatch >= 0) {
                    throw new IOException(temp + ": verification failed: byte at 0x" + Long.toHexString(at + mismatch)
                            + " changed outside the edited cells");
                }
            }
            if (r.offset() > before.length && at < r.offset()) {
                throw new IOException(temp + ": verification failed: bytes 0x" + Long.toHexString(Math.max(at,
                        before.length)) + "..0x" + Long.toHexString(r.offset()) + " added outside the new hive bins");
            }
            at = Math.max(at, r.end());
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (not on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException unsupported) {
            // Best effort: the rename is atomic either way; only its durability across a crash is at stake.
        }
    }
}
