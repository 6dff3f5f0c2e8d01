package dev.patchchain.core.signals;

import java.util.List;
import java.util.Objects;

/**
 * Why a reboot is pending: every indicator found, those set aside by {@code --ignore}, the queue's entries with
 * their attribution, and the zombies among them.
 *
 * <pre>{@code
 * SignalReport report = RebootSignals.evaluate(registry, options);
 * report.rebootPending();   // true if any signal counts
 * }</pre>
 *
 * @param controlSet the control set the SYSTEM indicators were read from, e.g. {@code ControlSet001}
 * @param signals    the indicators that count, in {@link SignalCode} order
 * @param ignored    indicators present but discounted (a queue of only ignored classes)
 * @param entries    the pending file rename queue, each entry attributed
 * @param zombies    queue entries that will do nothing or should already have run
 * @param notes      how the hives were read (control set chosen, checks not possible)
 */
public record SignalReport(String controlSet, List<RebootSignal> signals, List<RebootSignal> ignored,
                           List<QueueEntry> entries, List<Zombie> zombies, List<String> notes) {

    /** Copies the lists. */
    public SignalReport {
        Objects.requireNonNull(controlSet, "controlSet");
        signals = List.copyOf(signals);
        ignored = List.copyOf(ignored);
        entries = List.copyOf(entries);
        zombies = List.copyOf(zombies);
        notes = List.copyOf(notes);
    }

    /** @return true if any indicator that is not ignored is present */
    public boolean rebootPending() {
        return !signals.isEmpty();
    }
}
