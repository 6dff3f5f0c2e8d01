package dev.patchchain.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * Who may take the next step: a package whose earlier waves are finished, and which does not wait for another
 * package that holds its engine's machine-wide lock (started, not finished). Explorers index their packages
 * locally; {@code pcs[i]} counts the steps package {@code i} has taken.
 */
final class Turns {

    private final int[] waves;
    private final int[] lengths;
    private final String[] locks;

    Turns(List<Integer> pkgs, List<Integer> lengths, Program program, List<UpdatePackage> packages) {
        int n = pkgs.size();
        this.waves = new int[n];
        this.lengths = new int[n];
        this.locks = new String[n];
        for (int i = 0; i < n; i++) {
            int pkg = pkgs.get(i);
            waves[i] = program.waveOf(pkg);
            this.lengths[i] = lengths.get(i);
            Optional<String> lock = packages.get(pkg).engine().lock();
            locks[i] = lock.orElse(null);
        }
    }

    int size() {
        return waves.length;
    }

    boolean done(char[] pcs) {
        for (int i = 0; i < pcs.length; i++) {
            if (pcs[i] < lengths[i]) {
                return false;
            }
        }
        return true;
    }

    boolean mayStep(int i, char[] pcs) {
        if (pcs[i] >= lengths[i]) {
            return false;
        }
        for (int j = 0; j < pcs.length; j++) {
            if (j == i) {
                continue;
            }
            if (waves[j] < waves[i] && pcs[j] < lengths[j]) {
                return false;
            }
            if (locks[i] != null && locks[i].equals(locks[j]) && pcs[j] > 0 && pcs[j] < lengths[j]) {
                return false;
            }
        }
        return true;
    }
}
