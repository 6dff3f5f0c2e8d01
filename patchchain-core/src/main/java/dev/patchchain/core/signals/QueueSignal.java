package dev.patchchain.core.signals;

import dev.patchchain.core.analysis.Attribution;
import dev.patchchain.core.analysis.AttributionRule;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.registry.RegistryValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code PendingFileRenameOperations} and {@code ...2}: the entries, each attributed, and one signal that is
 * {@link SignalKind#HOUSEKEEPING} when every entry that counts is of a housekeeping class, and goes to the ignored
 * list when every entry is of an ignored class.
 */
final class QueueSignal {

    static final String FIRST = "PendingFileRenameOperations";
    static final String SECOND = "PendingFileRenameOperations2";

    /** The entries and where the signal goes: counted, ignored, or neither (no entries). */
    record Result(List<QueueEntry> entries, Optional<RebootSignal> counted, Optional<RebootSignal> ignored) {
    }

    private QueueSignal() {
    }

    static Result evaluate(SignalContext c, SignalOptions options, List<String> notes) {
        Optional<RegistryValue> first = c.value(SignalCode.FILE_RENAME_PENDING, FIRST);
        Optional<RegistryValue> second = c.value(SignalCode.FILE_RENAME_PENDING, SECOND);
        PendingQueue queue = PendingQueue.decode(first.map(RegistryValue::data).orElse(null),
                second.map(RegistryValue::data).orElse(null), options.context());
        List<QueueEntry> entries = new ArrayList<>();
        List<PendingOperation> ops = queue.operations();
        for (int i = 0; i < ops.size(); i++) {
            Optional<AttributionRule> rule = options.rules().match(ops.get(i).sourcePath());
            Attribution attribution = rule.map(AttributionRule::attribution).orElse(Attribution.UNKNOWN);
            entries.add(new QueueEntry(i, ops.get(i), attribution, rule.map(AttributionRule::label),
                    options.ignore().contains(attribution)));
        }
        List<String> present = new ArrayList<>();
        first.ifPresent(v -> present.add(FIRST));
        second.ifPresent(v -> present.add(SECOND));
        if (entries.isEmpty()) {
            if (!present.isEmpty()) {
                notes.add(String.join(" and ", present) + " present but without entries: nothing to do at the boot");
            }
            return new Result(entries, Optional.empty(), Optional.empty());
        }
        String source = c.source(SignalCode.FILE_RENAME_PENDING) + ", " + (present.size() == 1 ? "value " : "values ")
                + String.join(" and ", present);
        List<QueueEntry> counted = entries.stream().filter(e -> !e.ignored()).toList();
        if (counted.isEmpty()) {
            return new Result(entries, Optional.empty(), Optional.of(new RebootSignal(SignalCode.FILE_RENAME_PENDING,
                    source, describe(entries) + ", all of ignored classes", SignalKind.HOUSEKEEPING)));
        }
        boolean housekeeping = counted.stream().allMatch(e -> e.attribution().housekeeping());
        String evidence = describe(counted) + (counted.size() < entries.size()
                ? " (" + (entries.size() - counted.size()) + " more of ignored classes)" : "");
        return new Result(entries, Optional.of(new RebootSignal(SignalCode.FILE_RENAME_PENDING, source, evidence,
                housekeeping ? SignalKind.HOUSEKEEPING : SignalKind.UPDATE)), Optional.empty());
    }

    /** @return {@code "3 entries: 2 anti-virus / endpoint protection (Windows Defender), 1 unknown"} */
    private static String describe(List<QueueEntry> entries) {
        Map<Attribution, List<QueueEntry>> byClass = entries.stream().collect(Collectors.groupingBy(
                QueueEntry::attribution, LinkedHashMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        byClass.forEach((attribution, list) -> {
            List<String> labels = list.stream().flatMap(e -> e.rule().stream()).distinct().toList();
            parts.add(list.size() + " " + attribution.label() + (labels.isEmpty() ? "" : " (" + String.join(", ",
                    labels) + ")"));
        });
        return entries.size() + (entries.size() == 1 ? " entry: " : " entries: ") + String.join(", ", parts);
    }
}
