package dev.patchchain.core.queue;

import dev.patchchain.core.path.PathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pending queue as the session manager will execute it: the operations of
 * {@code PendingFileRenameOperations} followed by those of {@code PendingFileRenameOperations2}, each value's exact
 * layout, and notes about anything odd in that layout.
 *
 * <p>An unchanged queue encodes to the very bytes it was decoded from. A queue rebuilt with
 * {@link #withOperations(List)} keeps the original bytes of every value whose operations did not change and
 * writes the others well-formed.
 *
 * <pre>{@code
 * PendingQueue queue = PendingQueue.decode(pfroBytes, null, PathContext.DEFAULT);
 * queue.operations();                                         // Rename/Delete/Unparseable, in boot order
 * queue.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS); // == pfroBytes
 * }</pre>
 */
public final class PendingQueue {

    private final List<PendingOperation> operations;
    private final Map<QueueValueName, ValueLayout> layouts;
    private final List<QueueNote> notes;

    private PendingQueue(List<PendingOperation> operations, Map<QueueValueName, ValueLayout> layouts, List<QueueNote> notes) {
        this.operations = List.copyOf(operations);
        this.layouts = Collections.unmodifiableMap(new EnumMap<>(layouts));
        this.notes = List.copyOf(notes);
    }

    /** An empty queue: neither value present. */
    public static PendingQueue empty() {
        return new PendingQueue(List.of(), new EnumMap<>(QueueValueName.class), List.of());
    }

    /**
     * Decodes the two registry values.
     *
     * @param first   data of {@code PendingFileRenameOperations}, or {@code null} if the value is absent
     * @param second  data of {@code PendingFileRenameOperations2}, or {@code null} if absent
     * @param context the system root for {@code \SystemRoot} paths
     * @return the queue
     */
    public static PendingQueue decode(byte[] first, byte[] second, PathContext context) {
        EnumMap<QueueValueName, MultiSz> values = new EnumMap<>(QueueValueName.class);
        if (first != null) {
            values.put(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, MultiSz.decode(first));
        }
        if (second != null) {
            values.put(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2, MultiSz.decode(second));
        }
        return fromLayouts(values, context);
    }

    /**
     * Decodes values given as string layouts (for inputs that already split the strings, like {@code .reg} text).
     *
     * @param values  the layout of each present value
     * @param context the system root for {@code \SystemRoot} paths
     * @return the queue
     */
    public static PendingQueue fromLayouts(Map<QueueValueName, MultiSz> values, PathContext context) {
        QueueDecoder decoder = new QueueDecoder(new EntryParser(context));
        List<PendingOperation> operations = new ArrayList<>();
        EnumMap<QueueValueName, ValueLayout> layouts = new EnumMap<>(QueueValueName.class);
        List<QueueNote> notes = new ArrayList<>();
        for (Map.Entry<QueueValueName, MultiSz> e : values.entrySet()) {
            ValueLayout layout = decoder.decode(e.getKey(), e.getValue(), notes);
            layouts.put(e.getKey(), layout);
            operations.addAll(layout.operations());
        }
        return new PendingQueue(operations, layouts, notes);
    }

    /**
     * Builds a queue from operations alone, every value well-formed (used for queues we write from scratch).
     *
     * @param operations operations in boot order; each goes to the value its origin names
     * @return the queue
     */
    public static PendingQueue of(List<PendingOperation> operations) {
        return empty().withOperations(operations);
    }

    /** @return every entry in boot order: first value, then second */
    public List<PendingOperation> operations() {
        return operations;
    }

    /** @return layout notes: unreachable strings, missing terminators, padding */
    public List<QueueNote> notes() {
        return notes;
    }

    /**
     * @param value which registry value
     * @return true if the value exists (possibly empty)
     */
    public boolean hasValue(QueueValueName value) {
        return layouts.containsKey(value);
    }

    /**
     * @param value which registry value
     * @return the value's data, or empty if the value does not exist
     */
    public Optional<byte[]> encode(QueueValueName value) {
        ValueLayout layout = layouts.get(value);
        return layout == null ? Optional.empty() : Optional.of(layout.bytes().encode());
    }

    /**
     * @param value which registry value
     * @return the strings the value will hold, as written (empty if the value does not exist)
     */
    public List<String> strings(QueueValueName value) {
        ValueLayout layout = layouts.get(value);
        return layout == null ? List.of() : layout.bytes().strings();
    }

    /**
     * Rebuilds the queue with other operations: each operation goes to the value its {@link Origin} names. A value
     * whose operations are unchanged keeps its exact original bytes; a changed value is written well-formed.
     * Operations from a file ({@link Origin#fromFile()}) go to no value: they run after both values, in the order
     * given, and are never encoded.
     *
     * @param newOperations the operations, in boot order
     * @return the new queue
     */
    public PendingQueue withOperations(List<PendingOperation> newOperations) {
        EnumMap<QueueValueName, List<PendingOperation>> byValue = new EnumMap<>(QueueValueName.class);
        List<PendingOperation> fromFiles = new ArrayList<>();
        for (PendingOperation op : newOperations) {
            if (op.origin().fromFile()) {
                fromFiles.add(op);
            } else {
                byValue.computeIfAbsent(op.origin().value(), k -> new ArrayList<>()).add(op);
            }
        }
        EnumMap<QueueValueName, ValueLayout> newLayouts = new EnumMap<>(QueueValueName.class);
        List<PendingOperation> ordered = new ArrayList<>();
        for (QueueValueName value : QueueValueName.values()) {
            ValueLayout old = layouts.get(value);
            List<PendingOperation> ops = byValue.getOrDefault(value, List.of());
            if (old != null && old.operations().equals(ops)) {
                newLayouts.put(value, old);
            } else if (old != null || !ops.isEmpty()) {
                List<String> strings = new ArrayList<>();
                ops.forEach(op -> strings.addAll(op.rawStrings()));
                newLayouts.put(value, new ValueLayout(value, MultiSz.of(strings), ops));
            }
            ordered.addAll(ops);
        }
        ordered.addAll(fromFiles);
        List<QueueNote> keptNotes = notes.stream().filter(n -> newLayouts.get(n.value()) == layouts.get(n.value())).toList();
        return new PendingQueue(ordered, newLayouts, keptNotes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingQueue other && operations.equals(other.operations) && sameBytes(other);
    }

    @Override
    public int hashCode() {
        return operations.hashCode();
    }

    @Override
    public String toString() {
        return "PendingQueue" + operations;
    }

    private boolean sameBytes(PendingQueue other) {
        for (QueueValueName value : QueueValueName.values()) {
            Optional<byte[]> a = encode(value);
            Optional<byte[]> b = other.encode(value);
            if (a.isPresent() != b.isPresent() || a.isPresent() && !java.util.Arrays.equals(a.get(), b.get())) {
                return false;
            }
        }
        return true;
    }

    /** One registry value: its exact bytes and the operations decoded from it. */
    record ValueLayout(QueueValueName name, MultiSz bytes, List<PendingOperation> operations) {
        ValueLayout {
            operations = List.copyOf(operations);
        }
    }
}
