package dev.patchchain.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How packages are run before one boot: waves one after another, the packages of a wave concurrently, and whether
 * the queue is chained before the boot.
 *
 * @param waves package indices per wave
 * @param chain true to chain the queue before the boot
 */
record Program(List<List<Integer>> waves, boolean chain) {

    Program {
        waves = waves.stream().map(List::copyOf).toList();
    }

    static Program parallel(List<Integer> pkgs, boolean chain) {
        return new Program(List.of(pkgs), chain);
    }

    static Program sequential(List<Integer> pkgs, boolean chain) {
        return new Program(pkgs.stream().map(List::of).toList(), chain);
    }

    /** @return every package index, wave by wave */
    List<Integer> members() {
        List<Integer> all = new ArrayList<>();
        waves.forEach(all::addAll);
        return all;
    }

    int waveOf(int pkg) {
        for (int w = 0; w < waves.size(); w++) {
            if (waves.get(w).contains(pkg)) {
                return w;
            }
        }
        throw new IllegalArgumentException("package " + pkg + " is not in " + waves);
    }
}
