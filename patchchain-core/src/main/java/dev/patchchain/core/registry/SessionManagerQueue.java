package dev.patchchain.core.registry;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pending queue of a SYSTEM hive's current control set, read through a {@link RegistryView}: {@code Select\Current}
 * names {@code ControlSet00N}, whose {@code Control\Session Manager} holds {@code PendingFileRenameOperations} and
 * {@code ...2}. Used for the running Windows, where there is no hive file; the offline hive has the same rules in
 * the formats module's {@code SystemHiveQueue}.
 *
 * <pre>{@code
 * SessionManagerQueue.read(WindowsRegistryView.system(), pathContext).map(SessionManagerQueue::queue);
 * }</pre>
 *
 * @param controlSet the control set read, e.g. {@code ControlSet001}
 * @param queue      its queue (empty when the values are absent)
 * @param notes      how it was read: the control set, a {@code Select\Default} that differs, a value left out
 */
public record SessionManagerQueue(String controlSet, PendingQueue queue, List<String> notes) {

    /** The queue's key below the control set. */
    public static final String SESSION_MANAGER = "Control\\Session Manager";
    private static final String FIRST = "PendingFileRenameOperations";
    private static final String SECOND = "PendingFileRenameOperations2";

    /** Copies the notes. */
    public SessionManagerQueue {
        Objects.requireNonNull(controlSet, "controlSet");
        Objects.requireNonNull(queue, "queue");
        notes = List.copyOf(notes);
    }

    /**
     * @param system  a SYSTEM hive
     * @param context what {@code \SystemRoot} means in queue paths
     * @return the queue of the current control set; empty if {@code Select\Current} is missing or not a DWORD (not a
     *         SYSTEM hive)
     */
    public static Optional<SessionManagerQueue> read(RegistryView system, PathContext context) {
        Optional<Long> current = system.value("Select", "Current").flatMap(RegistryValue::dword);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        notes.add("Select\\Current = " + current.get());
        system.value("Select", "Default").flatMap(RegistryValue::dword).filter(d -> !d.equals(current.get()))
                .ifPresent(d -> notes.add("Select\\Default = " + d + " differs from Select\\Current = " + current.get()
                        + "; the current control set is read"));
        String set = String.format("ControlSet%03d", current.get());
        notes.add("control set " + set);
        String key = set + "\\" + SESSION_MANAGER;
        if (!system.keyExists(key)) {
            notes.add(key + " is missing");
            return Optional.of(new SessionManagerQueue(set, PendingQueue.empty(), notes));
        }
        byte[] first = multiSz(system, key, FIRST, notes);
        byte[] second = multiSz(system, key, SECOND, notes);
        return Optional.of(new SessionManagerQueue(set, PendingQueue.decode(first, second, context), notes));
    }

    /** The raw bytes of a REG_MULTI_SZ; a value of another type is left out, loudly, rather than guessed at. */
    private static byte[] multiSz(RegistryView system, String key, String name, List<String> notes) {
        Optional<RegistryValue> value = system.value(key, name);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get().type() != RegistryValue.REG_MULTI_SZ) {
            notes.add(key + "\\" + name + " has type " + value.get().type() + ", not REG_MULTI_SZ (7): left out");
            return null;
        }
        return value.get().data();
    }
}
