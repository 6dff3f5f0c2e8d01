package dev.patchchain.core.registry;

import java.io.IOException;

/**
 * A compare-and-swap found the queue changed since it was read (typically an installer appended to it meanwhile);
 * nothing was written.
 *
 * <pre>{@code
 * throw new ConcurrentChangeException("SYSTEM, ControlSet001\\Control\\Session Manager", expected, actual);
 * }</pre>
 */
public final class ConcurrentChangeException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param location the registry
     * @param expected what the values held when read
     * @param actual   what they hold now
     */
    public ConcurrentChangeException(String location, QueueValues expected, QueueValues actual) {
        super(location + ": the queue changed since it was read (sha256 " + expected.sha256() + " then, "
                + actual.sha256() + " now); nothing written. Another program is writing the queue: read it again "
                + "and retry.");
    }

    /** @param message what changed, where, and that nothing was written */
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
