package dev.patchchain.platform.registry;

import java.io.IOException;

/**
 * Called by {@link SafeQueueWrite} before each step; tests throw from it to fail the sequence at that point.
 *
 * <pre>{@code
 * ApplyHook failBeforeVerify = step -> {
 *     if (step == ApplyStep.VERIFY) throw new IOException("injected");
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ApplyHook {

    /** Does nothing. */
    ApplyHook NONE = step -> { };

    /**
     * @param step the step about to run
     * @throws IOException to make it fail
     */
    void before(ApplyStep step) throws IOException;
}
