package dev.patchchain.fleet.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently to retry a post that failed for a reason that may pass (no connection, 5xx, 429):
 * attempt {@code n} (from 1) waits {@code min(initial * 2^(n-1), max)} plus up to 50% random jitter before the next.
 *
 * @param attempts how many tries in total (at least 1)
 * @param initial  the first wait
 * @param max      the longest wait
 */
public record RetryPolicy(int attempts, Duration initial, Duration max) {

    /** What {@code scan --post} uses: 4 tries over about 10 seconds. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8));

    /** Checks the components. */
    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param jitter  a random number in [0, 1)
     * @return how long to wait before the next attempt
     */
    Duration backoff(int attempt, double jitter) {
        long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(base + (long) (base * 0.5 * jitter));
    }
}
