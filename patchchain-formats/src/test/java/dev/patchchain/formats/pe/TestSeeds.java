package dev.patchchain.formats.pe;

import java.util.Random;

/**
 * Seeds for randomized tests, as {@code dev.patchchain.testing.Seeds} hands them out (that module depends on this
 * one, so it cannot be used here): printed, and replayed with {@code -Dpatchchain.seed=N}.
 */
final class TestSeeds {

    private TestSeeds() {
    }

    static Random random(String testName) {
        String fixed = System.getProperty("patchchain.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        System.out.println("[seed] " + testName + ": " + seed + "  (replay with -Dpatchchain.seed=" + seed + ")");
        return new Random(seed);
    }
}
