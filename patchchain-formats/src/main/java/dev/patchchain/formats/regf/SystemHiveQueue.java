package dev.patchchain.formats.regf;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the pending file rename queue from a SYSTEM hive: {@code Select\Current} names the control set
 * ({@code ControlSet00N}), whose {@code Control\Session Manager} holds {@code PendingFileRenameOperations} and
 * {@code PendingFileRenameOperations2} ({@code REG_MULTI_SZ}).
 *
 * <pre>{@code
 * try (RegfHive system = RegfHive.open(Path.of("SYSTEM"), RegfOptions.STRICT)) {
 *     ControlSetQueue current = SystemHiveQueue.current(system, PathContext.DEFAULT);
 *     current.queue().operations();
 * }
 * }</pre>
 */
public final class SystemHiveQueue {

    static final String SESSION_MANAGER = "Control\\Session Manager";
    static final String FIRST = "PendingFileRenameOperations";
    static final String SECOND = "PendingFileRenameOperations2";
    private static final Pattern CONTROL_SET = Pattern.compile("ControlSet\\d{3}", Pattern.CASE_INSENSITIVE);

    private SystemHiveQueue() {
    }

    /**
     * @param system  an open SYSTEM hive
     * @param context the system root for {@code \SystemRoot} paths
     * @return the queue of the current control set
     * @throws FormatException if there is no {@code Select\Current} (not a SYSTEM hive), the control set it names
     *                         is missing, or a queue value is not {@code REG_MULTI_SZ}
     */
    public static ControlSetQueue current(RegfHive system, PathContext context) throws FormatException {
        RegfKey select = system.key("Select").orElseThrow(() -> new FormatException(
                FormatException.Kind.NOT_THIS_FORMAT, system.rootKey().source(), -1,
                "no Select key: not a SYSTEM hive"));
        int current = dword(select, "Current");
        List<String> notes = new ArrayList<>();
        notes.add("Select\\Current = " + current);
        Optional<RegfValue> defaultSet = select.value("Default");
        if (defaultSet.isPresent() && dword(select, "Default") != current) {
            notes.add("Select\\Default = " + dword(select, "Default") + " differs from Select\\Current = " + current
                    + "; the current control set is read");
        }
        String name = String.format("ControlSet%03d", current);
        RegfKey set = system.key(name).orElseThrow(() -> new FormatException(FormatException.Kind.CORRUPT,
                system.rootKey().source(), -1, "Select\\Current = " + current + " but there is no " + name));
        return read(system, set, notes, context);
    }

    /**
     * @param system  an open SYSTEM hive
     * @param context the system root for {@code \SystemRoot} paths
     * @return the queue of every {@code ControlSetNNN} key, in hive order
     * @throws FormatException if a queue value is not {@code REG_MULTI_SZ}
     */
    public static List<ControlSetQueue> allControlSets(RegfHive system, PathContext context)
            throws FormatException {
        List<ControlSetQueue> out = new ArrayList<>();
        for (RegfKey key : system.rootKey().subkeys()) {
            if (CONTROL_SET.matcher(key.name()).matches()) {
                out.add(read(system, key, new ArrayList<>(), context));
            }
        }
        return out;
    }

    private static ControlSetQueue read(RegfHive system, RegfKey set, List<String> notes, PathContext context)
            throws FormatException {
        notes.add("control set " + set.name());
        if (system.logsApplied()) {
            notes.add("dirty hive: transaction logs " + system.logsUsed().stream().map(p -> p.getFileName()
                    .toString()).toList() + " replayed in memory up to sequence " + system.sequenceNumber());
        } else if (system.dirty()) {
            notes.add("DIRTY hive read WITHOUT its transaction logs: the queue may be stale or incomplete");
        }
        Optional<RegfKey> sm = system.key(set.name() + '\\' + SESSION_MANAGER);
        if (sm.isEmpty()) {
            notes.add(set.name() + "\\" + SESSION_MANAGER + " is missing");
            return new ControlSetQueue(set.name(), PendingQueue.empty(), notes);
        }
        byte[] first = multiSz(sm.get(), FIRST);
        byte[] second = multiSz(sm.get(), SECOND);
        return new ControlSetQueue(set.name(), PendingQueue.decode(first, second, context), notes);
    }

    private static byte[] multiSz(RegfKey sm, String name) throws FormatException {
        Optional<RegfValue> v = sm.value(name);
        if (v.isEmpty()) {
            return null;
        }
        if (v.get().type() != RegfValue.REG_MULTI_SZ) {
            throw new FormatException(FormatException.Kind.CORRUPT, sm.source(), -1, sm.path() + "\\" + name
                    + " has type " + v.get().type() + ", not REG_MULTI_SZ (7)");
        }
        return v.get().data();
    }

    private static int dword(RegfKey select, String name) throws FormatException {
        RegfValue v = select.value(name).orElseThrow(() -> new FormatException(FormatException.Kind.CORRUPT,
                select.source(), -1, "Select\\" + name + " is missing"));
        byte[] d = v.data();
        if (d.length != 4) {
            throw new FormatException(FormatException.Kind.CORRUPT, select.source(), -1, "Select\\" + name + " holds "
                    + d.length + " bytes, not a REG_DWORD");
        }
        return (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
    }
}
