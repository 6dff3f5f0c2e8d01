package dev.patchchain.platform.registry;

import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.QueueValues;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The record of one write, kept as JSON beside the {@code .reg} backup: the values before (exact bytes) and after,
 * where, when, by which host and tool version. {@link #restore()} is the edit {@code --undo} applies.
 *
 * <pre>{@code
 * QueueBackup backup = QueueBackupFile.read(Path.of("patchchain-queue-20260101T120000Z.json"));
 * new SafeQueueWrite(registry, options).run(backup.restore());
 * }</pre>
 *
 * @param time        when the write started
 * @param host        the machine
 * @param toolVersion patchchain's version
 * @param location    the registry written ({@link dev.patchchain.core.registry.QueueRegistry#location()})
 * @param action      what the write was
 * @param lastWritten the key's last write time when read, or {@code null}
 * @param before      the values read
 * @param after       the values written
 * @param regFile     the {@code .reg} backup of {@code before}
 */
public record QueueBackup(Instant time, String host, String toolVersion, String location, String action,
                          Instant lastWritten, QueueValues before, QueueValues after, Path regFile) {

    /** Checks the components. */
    public QueueBackup {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** @return this record's JSON file, beside the {@code .reg} backup */
    public Path recordFile() {
        String name = regFile.getFileName().toString();
        return regFile.resolveSibling(name.substring(0, name.length() - ".reg".length()) + ".json");
    }

    /**
     * The edit that puts {@link #before} back. Each value must still hold what was written or what was there
     * before (a write that failed between the two values leaves one of each); anything else means another program
     * wrote since, and the undo is refused.
     *
     * @return the undo edit
     */
    public QueueEdit restore() {
        return read -> {
            for (QueueValueName name : QueueValueName.values()) {
                if (!read.sameValue(name, after) && !read.sameValue(name, before)) {
                    throw new ConcurrentChangeException(location + ": " + name.registryName() + " changed since "
                            + time + " (sha256 of both values now " + read.sha256() + ", written then "
                            + after.sha256() + "); not restored. Another program wrote the queue: look at it first.");
                }
            }
            return new QueueEdit.Result(before, List.of("restored the queue as it was before the " + action + " of "
                    + time + " (sha256 " + before.sha256() + ")"));
        };
    }
}
