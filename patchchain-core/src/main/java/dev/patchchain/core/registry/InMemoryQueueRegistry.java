package dev.patchchain.core.registry;

import dev.patchchain.core.queue.QueueValueName;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A registry in memory, for tests: every write sets one value atomically and moves the last write time one second
 * on; a {@link RegistryFault} can fail any step or write behind the caller's back.
 *
 * <pre>{@code
 * InMemoryQueueRegistry registry = new InMemoryQueueRegistry(QueueValues.of(pfro, null), Instant.EPOCH);
 * registry.overwrite(QueueValues.of(longer, null));   // an installer appended meanwhile
 * }</pre>
 */
public final class InMemoryQueueRegistry implements QueueRegistry {

    private QueueValues values;
    private Instant lastWritten;
    private RegistryFault fault = RegistryFault.NONE;

    /**
     * @param values      the initial values
     * @param lastWritten the initial last write time
     */
    public InMemoryQueueRegistry(QueueValues values, Instant lastWritten) {
        this.values = Objects.requireNonNull(values, "values");
        this.lastWritten = Objects.requireNonNull(lastWritten, "lastWritten");
    }

    /** @param f called before each step from now on */
    public void fault(RegistryFault f) {
        this.fault = Objects.requireNonNull(f, "fault");
    }

    /** @return the values now, without fault injection */
    public QueueValues values() {
        return values;
    }

    /**
     * Writes as another program would: unconditionally, both values.
     *
     * @param newValues the values
     */
    public void overwrite(QueueValues newValues) {
        values = Objects.requireNonNull(newValues, "newValues");
        lastWritten = lastWritten.plusSeconds(1);
    }

    @Override
    public String location() {
        return "in-memory registry";
    }

    @Override
    public QueueState read() throws IOException {
        fault.before(RegistryFault.Point.READ, this);
        return new QueueState(values, lastWritten);
    }

    @Override
    public void compareAndSwap(QueueValues expected, QueueValues next) throws IOException {
        fault.before(RegistryFault.Point.COMPARE, this);
        if (!values.equals(expected)) {
            throw new ConcurrentChangeException(location(), expected, values);
        }
        write(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, next, RegistryFault.Point.WRITE_FIRST);
        write(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2, next, RegistryFault.Point.WRITE_SECOND);
    }

    private void write(QueueValueName name, QueueValues next, RegistryFault.Point point) throws IOException {
        if (!values.sameValue(name, next)) {
            fault.before(point, this);
            overwrite(values.with(name, next.get(name).orElse(null)));
        }
    }
}
