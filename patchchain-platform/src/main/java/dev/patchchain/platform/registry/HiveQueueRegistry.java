package dev.patchchain.platform.registry;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueState;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.formats.regf.HiveFileUpdate;
import dev.patchchain.formats.regf.HiveUpdateHook;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import dev.patchchain.formats.regf.SystemHiveQueue;
import dev.patchchain.formats.regf.ValueChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The queue in an offline SYSTEM hive file: the current control set's Session Manager key, written with {@link
 * HiveFileUpdate} (whole-hive backup, temporary file, verification, atomic rename), both values in one update: the
 * pair changes all at once or not at all.
 *
 * <pre>{@code
 * QueueRegistry registry = new HiveQueueRegistry(Path.of("/mnt/win/Windows/System32/config/SYSTEM"),
 *         HiveUpdateOptions.DEFAULT.withBackupDir(Path.of("/backups")));
 * }</pre>
 *
 * <p>The compare-and-swap reads the file again and checks once more from the update's first step (after {@link
 * HiveFileUpdate} has read the file it edits), so a change made in between is refused;
 * {@link HiveFileUpdate} itself refuses a file changed after that, up to the rename.
 */
public final class HiveQueueRegistry implements QueueRegistry {

    private final Path hive;
    private final HiveUpdateOptions options;

    /**
     * @param hive    the SYSTEM hive file
     * @param options where the hive backups go, the clock, and a hook for failure injection
     */
    public HiveQueueRegistry(Path hive, HiveUpdateOptions options) {
        this.hive = Objects.requireNonNull(hive, "hive");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String location() {
        return "hive " + hive;
    }

    @Override
    public QueueState read() throws IOException {
        try (RegfHive system = RegfHive.open(hive, RegfOptions.STRICT)) {
            RegfKey key = sessionManager(system);
            byte[] first = data(key, QueueValueName.PENDING_FILE_RENAME_OPERATIONS);
            byte[] second = data(key, QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2);
            return new QueueState(QueueValues.of(first, second), key.lastWritten());
        }
    }

    @Override
    public void compareAndSwap(QueueValues expected, QueueValues next) throws IOException {
        String keyPath;
        try (RegfHive system = RegfHive.open(hive, RegfOptions.STRICT)) {
            keyPath = sessionManager(system).path();
        }
        requireUnchanged(expected);
        List<ValueChange> changes = new ArrayList<>();
        for (QueueValueName name : QueueValueName.values()) {
            if (!expected.sameValue(name, next)) {
                byte[] data = next.get(name).orElse(null);
                changes.add(data == null ? ValueChange.delete(keyPath, name.registryName())
                        : ValueChange.set(keyPath, name.registryName(), RegfValue.REG_MULTI_SZ, data));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        HiveUpdateHook hook = (step, file) -> {
            if (step == HiveUpdateHook.Step.BACKUP) {
                requireUnchanged(expected);
            }
            options.hook().before(step, file);
        };
        HiveFileUpdate.apply(hive, changes, options.withHook(hook));
    }

    private void requireUnchanged(QueueValues expected) throws IOException {
        QueueValues actual = read().values();
        if (!actual.equals(expected)) {
            throw new ConcurrentChangeException(location(), expected, actual);
        }
    }

    private RegfKey sessionManager(RegfHive system) throws IOException {
        String controlSet = SystemHiveQueue.current(system, PathContext.DEFAULT).controlSet();
        String path = controlSet + "\\" + QueueValueName.KEY_BELOW_CONTROL_SET;
        return system.key(path).orElseThrow(() -> new IOException(hive + ": no key " + path));
    }

    private static byte[] data(RegfKey key, QueueValueName name) throws IOException {
        return key.value(name.registryName()).map(RegfValue::data).orElse(null);
    }
}
