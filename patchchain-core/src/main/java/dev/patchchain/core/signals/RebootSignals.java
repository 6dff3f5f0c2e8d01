package dev.patchchain.core.signals;

import dev.patchchain.core.registry.RegistryView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why a reboot is pending: reads every known indicator from a machine's SYSTEM and SOFTWARE hives
 * ({@link SignalCode} lists them with their keys), attributes each entry of the pending file rename queue, and
 * finds the queue's zombies. A queue whose entries are all housekeeping (installer rollback, an anti-virus
 * updater's own files, temporary files) is told apart from one that installs updates, and classes given in
 * {@link SignalOptions#ignore()} do not count at all.
 *
 * <pre>{@code
 * SignalReport report = RebootSignals.evaluate(new MachineRegistry(system, software),
 *         new SignalOptions(rules, Set.of(Attribution.ANTIVIRUS), volume, PathContext.DEFAULT));
 * for (RebootSignal s : report.signals()) {
 *     System.out.println("a reboot is pending because " + s.code().reason() + ": " + s.evidence());
 * }
 * }</pre>
 */
public final class RebootSignals {

    static final String SELECT = "Select";
    static final String CURRENT = "Current";
    static final String DEFAULT = "Default";

    private RebootSignals() {
    }

    /**
     * @param registry the machine's hives
     * @param options  attribution rules, ignored classes, the volume and path context
     * @return the signals, the ignored ones, the attributed queue and its zombies
     */
    public static SignalReport evaluate(MachineRegistry registry, SignalOptions options) {
        List<String> notes = new ArrayList<>();
        Optional<String> controlSet = controlSet(registry.system(), notes);
        SignalContext c = new SignalContext(registry, controlSet.orElse(""));
        List<RebootSignal> signals = new ArrayList<>(KeySignals.software(c));
        List<RebootSignal> ignored = new ArrayList<>();
        List<QueueEntry> entries = List.of();
        List<Zombie> zombies = List.of();
        if (controlSet.isPresent()) {
            QueueSignal.Result queue = QueueSignal.evaluate(c, options, notes);
            entries = queue.entries();
            queue.counted().ifPresent(signals::add);
            queue.ignored().ifPresent(ignored::add);
            KeySignals.setupExecute(c).ifPresent(signals::add);
            ComputerRename.check(c).ifPresent(signals::add);
            KeySignals.domainJoin(c).ifPresent(signals::add);
            zombies = Zombies.find(c, entries, options.volume(), notes);
        }
        signals.sort(Comparator.comparing(RebootSignal::code));
        return new SignalReport(controlSet.orElse(""), signals, ignored, entries, zombies, notes);
    }

    /** {@code Select\Current} names the control set the running system uses; {@code Default} the next boot's. */
    private static Optional<String> controlSet(RegistryView system, List<String> notes) {
        Optional<Long> current = system.value(SELECT, CURRENT).flatMap(v -> v.dword());
        if (current.isEmpty()) {
            notes.add("the SYSTEM hive has no Select\\Current: its indicators were not read");
            return Optional.empty();
        }
        String name = String.format("ControlSet%03d", current.get());
        notes.add("control set " + name + " (Select\\Current = " + current.get() + ")");
        system.value(SELECT, DEFAULT).flatMap(v -> v.dword()).filter(d -> !d.equals(current.get()))
                .ifPresent(d -> notes.add("Select\\Default = " + d + " differs from Select\\Current = "
                        + current.get() + "; the current control set is read"));
        return Optional.of(name);
    }
}
