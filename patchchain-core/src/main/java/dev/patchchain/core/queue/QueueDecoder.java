package dev.patchchain.core.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the strings of one value the way the boot-time processor does: pairs of source and destination, until an
 * empty string stands where a source should be. See docs/semantics.md for the evidence behind each rule.
 */
final class QueueDecoder {

    private final EntryParser parser;

    QueueDecoder(EntryParser parser) {
        this.parser = parser;
    }

    PendingQueue.ValueLayout decode(QueueValueName value, MultiSz layout, List<QueueNote> notes) {
        List<String> strings = new ArrayList<>(layout.strings());
        boolean unterminatedTail = !layout.tail().isEmpty();
        if (unterminatedTail) {
            strings.add(layout.tail());
        }
        List<PendingOperation> operations = new ArrayList<>();
        int i = 0;
        while (i < strings.size() && !strings.get(i).isEmpty()) {
            Origin origin = new Origin(value, i);
            if (i + 1 >= strings.size()) {
                operations.add(new PendingOperation.Unparseable(origin, List.of(strings.get(i)),
                        "source without a destination (odd number of strings)"));
                i++;
                break;
            }
            operations.add(parser.parse(origin, strings.get(i), strings.get(i + 1)));
            i += 2;
        }
        noteRemainder(value, strings, i, notes, operations);
        if (unterminatedTail || i == strings.size() && !strings.isEmpty() && !strings.get(strings.size() - 1).isEmpty()) {
            notes.add(new QueueNote(value, strings.size() - 1, QueueNote.Kind.MISSING_TERMINATOR,
                    "the data does not end with the empty string that terminates a REG_MULTI_SZ"));
        }
        if (layout.strayByte() >= 0) {
            notes.add(new QueueNote(value, strings.size(), QueueNote.Kind.ODD_BYTE_LENGTH,
                    "the data has an odd number of bytes; the last byte is ignored"));
        }
        return new PendingQueue.ValueLayout(value, layout, operations);
    }

    private void noteRemainder(QueueValueName value, List<String> strings, int from, List<QueueNote> notes,
                               List<PendingOperation> operations) {
        int firstNonEmpty = -1;
        for (int j = from; j < strings.size(); j++) {
            if (!strings.get(j).isEmpty()) {
                firstNonEmpty = j;
                break;
            }
        }
        if (firstNonEmpty >= 0) {
            List<String> unreachable = strings.subList(firstNonEmpty, strings.size());
            operations.add(new PendingOperation.Unparseable(new Origin(value, firstNonEmpty), unreachable,
                    "follows an empty source string, where the boot-time walk stops"));
            notes.add(new QueueNote(value, firstNonEmpty, QueueNote.Kind.UNREACHABLE_STRINGS,
                    (unreachable.size()) + " string(s) after an empty source string are never processed at boot"));
        } else if (strings.size() - from > 1) {
            notes.add(new QueueNote(value, from + 1, QueueNote.Kind.TRAILING_EMPTY_STRINGS,
                    (strings.size() - from - 1) + " empty string(s) after the list terminator"));
        }
    }
}
