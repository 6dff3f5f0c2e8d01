package dev.patchchain.core.registry;

import java.io.IOException;

/**
 * Called by {@link InMemoryQueueRegistry} before each of its steps; tests throw from it (a failing registry) or
 * change the values through it (another installer writing meanwhile).
 *
 * <pre>{@code
 * registry.fault((point, r) -> {
 *     if (point == RegistryFault.Point.WRITE_SECOND) throw new IOException("injected");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface RegistryFault {

    /** Does nothing. */
    RegistryFault NONE = (point, registry) -> { };

    /** Where the fault strikes. */
    enum Point {
        /** A plain read. */
        READ,
        /** The re-read of a compare-and-swap, before the values are compared. */
        COMPARE,
        /** Writing {@code PendingFileRenameOperations}. */
        WRITE_FIRST,
        /** Writing {@code PendingFileRenameOperations2}. */
        WRITE_SECOND
    }

    /**
     * @param point    the step about to run
     * @param registry the registry, to change its values as another writer would
     * @throws IOException to make the step fail
     */
    void before(Point point, InMemoryQueueRegistry registry) throws IOException;
}
