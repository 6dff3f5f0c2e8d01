package dev.patchchain.testing;

import java.util.Random;

/**
 * Seeds for property tests: each test prints the seed it used, and {@code -Dpatchchain.seed=N} replays one.
 *
 * <pre>{@code
 * long seed = Seeds.seed("chain is idempotent");
 * Random random = new Random(seed);
 * }</pre>
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * @param testName what the seed is for, printed with it
     * @return {@code -Dpatchchain.seed} if set, else a fresh seed; printed to stdout either way
     */
    public static long seed(String testName) {
        String fixed = System.getProperty("patchchain.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        System.out.println("[seed] " + testName + ": " + seed + "  (replay with -Dpatchchain.seed=" + seed + ")");
        return seed;
    }

    /**
     * @param testName what the seed is for
     * @return a random generator seeded by {@link #seed(String)}
     */
    public static Random random(String testName) {
        return new Random(seed(testName));
    }
}
