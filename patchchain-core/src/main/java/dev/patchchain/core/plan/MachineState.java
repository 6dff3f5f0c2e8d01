package dev.patchchain.core.plan;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.signals.Hive;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine the packages are planned for, as it is now: the disk, the pending file rename queue
 * ({@code PendingFileRenameOperations} and {@code ...2} of the current control set), the file operations servicing's
 * {@code WinSxS\pending.xml} will run at the same boot, the registry changes it will make, and the machine hives,
 * where the values the packages write start from. Any source of hives and files builds it: an offline image, offline
 * hive files, a running Windows.
 *
 * <pre>{@code
 * MachineState machine = MachineState.of(imageVolume)
 *         .withRegistry(new RegfRegistryView(system), new RegfRegistryView(software), PathContext.DEFAULT)
 *         .withServicing(pendingXml.toPendingOperations(PathContext.DEFAULT), servicingValues);
 * new Planner(PlanOptions.DEFAULT).plan(packages, machine);
 * }</pre>
 *
 * @param disk            the disk now
 * @param queue           the session manager's queue, in boot order (empty when not read)
 * @param servicing       servicing's file operations, run after the queue at the same boot
 * @param servicingValues servicing's registry changes at the next boot (listed as conflicts, not simulated)
 * @param system          the SYSTEM hive, if read
 * @param software        the SOFTWARE hive, if read
 * @param controlSet      the control set the queue was read from, e.g. {@code ControlSet001}; {@code ""} if none
 * @param notes           what was read, for the reader
 */
public record MachineState(VolumeState disk, PendingQueue queue, List<PendingOperation> servicing,
                           List<ServicingValue> servicingValues, Optional<RegistryView> system,
                           Optional<RegistryView> software, String controlSet, List<String> notes) {

    static final String SESSION_MANAGER = "Control\\Session Manager";
    static final String FIRST = "PendingFileRenameOperations";
    static final String SECOND = "PendingFileRenameOperations2";

    /** Checks the components and copies the lists. */
    public MachineState {
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(queue, "queue");
        servicing = List.copyOf(servicing);
        servicingValues = List.copyOf(servicingValues);
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(controlSet, "controlSet");
        notes = List.copyOf(notes);
    }

    /**
     * @param disk the disk now ({@link VolumeState#UNKNOWN} when nothing is known)
     * @return a machine with nothing pending and no registry read: every value a package writes starts absent
     */
    public static MachineState of(VolumeState disk) {
        return new MachineState(disk, PendingQueue.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                "", List.of());
    }

    /**
     * Reads the queue of the current control set ({@code Select\Current}) from the SYSTEM hive, and keeps both
     * hives for the current values of what the packages write.
     *
     * @param systemHive   the SYSTEM hive, or {@code null} if there is none
     * @param softwareHive the SOFTWARE hive, or {@code null} if there is none
     * @param context      what {@code \SystemRoot} means in the queue's paths
     * @return this machine with its registry
     */
    public MachineState withRegistry(RegistryView systemHive, RegistryView softwareHive, PathContext context) {
        if (systemHive == null && softwareHive == null) {
            return this;
        }
        List<String> read = new ArrayList<>(notes);
        PendingQueue pending = PendingQueue.empty();
        String set = "";
        if (systemHive != null) {
            Optional<Long> current = systemHive.value("Select", "Current").flatMap(RegistryValue::dword);
            if (current.isEmpty()) {
                read.add("the SYSTEM hive has no Select\\Current: the queue was not read");
            } else {
                set = String.format("ControlSet%03d", current.get());
                String sm = set + "\\" + SESSION_MANAGER;
                pending = PendingQueue.decode(multiSz(systemHive, sm, FIRST, read),
                        multiSz(systemHive, sm, SECOND, read), context);
                read.add("control set " + set + " (Select\\Current = " + current.get() + "): "
                        + pending.operations().size() + " queued operation(s) in " + FIRST + "(2)");
                long now = current.get();
                systemHive.value("Select", "Default").flatMap(RegistryValue::dword).filter(d -> d != now)
                        .ifPresent(d -> read.add("Select\\Default = " + d + " differs from Select\\Current = " + now
                                + "; the current control set is read"));
            }
        }
        read.add("registry values start from the machine's "
                + (systemHive == null ? "" : "SYSTEM") + (systemHive != null && softwareHive != null ? " and " : "")
                + (softwareHive == null ? "" : "SOFTWARE") + " hive" + (systemHive != null && softwareHive != null
                ? "s" : ""));
        return new MachineState(disk, pending, servicing, servicingValues, Optional.ofNullable(systemHive),
                Optional.ofNullable(softwareHive), set, read);
    }

    /**
     * @param files  servicing's file operations (moves and hard links as replacing renames, deletions), in
     *               document order
     * @param values servicing's registry changes
     * @return this machine with servicing's pending transaction
     */
    public MachineState withServicing(List<PendingOperation> files, List<ServicingValue> values) {
        List<String> read = new ArrayList<>(notes);
        read.add("WinSxS\\pending.xml: " + files.size() + " file operation(s) run after the queue, " + values.size()
                + " registry change(s)");
        return new MachineState(disk, queue, files, values, system, software, controlSet, read);
    }

    /** @return true if a hive was read (the values below it start from it) */
    public boolean registryRead() {
        return system.isPresent() || software.isPresent();
    }

    /**
     * @param key a key as written
     * @return true if the hive holding it was read, so an absent value is known to be absent
     */
    boolean reads(String key) {
        return MachineKey.locate(key, controlSet).flatMap(k -> hive(k.hive())).isPresent();
    }

    /**
     * @param write a value a package writes
     * @return its strings now (one for a single-string or numeric value), if the hive was read and holds it
     */
    Optional<List<String>> current(RegistryWrite write) {
        Optional<MachineKey> key = MachineKey.locate(write.key(), controlSet);
        return key.flatMap(k -> hive(k.hive()).flatMap(h -> h.value(k.path(), write.valueName())))
                .map(MachineState::strings);
    }

    private Optional<RegistryView> hive(Hive hive) {
        return hive == Hive.SYSTEM ? system : software;
    }

    private static List<String> strings(RegistryValue value) {
        return switch (value.type()) {
            case RegistryValue.REG_MULTI_SZ -> List.copyOf(value.strings());
            case RegistryValue.REG_SZ, RegistryValue.REG_EXPAND_SZ -> List.of(value.string());
            default -> List.of(value.display());
        };
    }

    private static byte[] multiSz(RegistryView hive, String key, String name, List<String> read) {
        Optional<RegistryValue> value = hive.value(key, name);
        if (value.isPresent() && value.get().type() != RegistryValue.REG_MULTI_SZ) {
            read.add(key + "\\" + name + " has type " + value.get().type() + ", not REG_MULTI_SZ (7): not read");
            return null;
        }
        return value.map(RegistryValue::data).orElse(null);
    }
}
