package dev.patchchain.core.registry;

import java.io.IOException;

/**
 * The registry that holds the queue: the Session Manager key of the current control set, in a live registry, an
 * offline SYSTEM hive or memory. Writes are compare-and-swap, so an installer that appended to the queue after it
 * was read is never overwritten.
 *
 * <pre>{@code
 * QueueState read = registry.read();
 * registry.compareAndSwap(read.values(), QueueValues.of(chainedFirst, null)); // deletes the second value
 * }</pre>
 *
 * <p>Each value is replaced atomically. An implementation that can replace both at once does (the offline hive);
 * the others write them one after the other, first then second, so a failure in between leaves the first value new
 * and the second old, never a torn value.
 */
public interface QueueRegistry {

    /** @return where the queue lives, for messages, backups and the audit log */
    String location();

    /**
     * @return both values and the key's last write time
     * @throws IOException if the registry cannot be read
     */
    QueueState read() throws IOException;

    /**
     * Re-reads both values and, if they are byte-identical to {@code expected}, writes each value of
     * {@code next} that differs (a {@code null} value is deleted). Values that do not differ are not written.
     *
     * @param expected what the values must still hold
     * @param next     what they are to hold
     * @throws ConcurrentChangeException if a value changed since {@code expected} was read (nothing written)
     * @throws IOException               if reading or writing fails
     */
    void compareAndSwap(QueueValues expected, QueueValues next) throws IOException;
}
