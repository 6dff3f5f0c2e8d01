package dev.patchchain.testing.wine;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.Objects;

/**
 * One generated scenario: a script of helper steps that touches nothing outside its own directory, so that many
 * scenarios share one Wine prefix and one boot.
 *
 * @param seed   the run's seed
 * @param number the scenario's number in the run; {@code (seed, number)} regenerates it
 * @param root   its directory, e.g. {@code C:\s\17}
 * @param steps  the helper script, in order
 */
public record WineScenario(long seed, int number, WinPath root, List<HelperStep> steps) {

    /** Copies the steps and checks the components. */
    public WineScenario {
        Objects.requireNonNull(root, "root");
        steps = List.copyOf(steps);
    }

    /** @return {@code seed-number}, the name of its failure directory */
    public String id() {
        return seed + "-" + number;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("scenario " + id() + " in " + root + ":");
        steps.forEach(step -> text.append("\n  ").append(step));
        return text.toString();
    }
}
