package dev.patchchain.testing.oracle;

import dev.patchchain.testing.wine.WineScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A disagreement between Wine and us on one scenario, written to {@code <dir>/<seed>-<n>/} as {@code steps.txt},
 * {@code expected.txt}, {@code actual.txt} and {@code replay.txt}.
 *
 * @param scenario the scenario
 * @param phase    which check failed, e.g. {@code "boot"} or {@code "chained boot"}
 * @param expected what we predicted
 * @param actual   what Wine did
 */
record ScenarioFailure(WineScenario scenario, String phase, String expected, String actual) {

    String replayCommand() {
        return "mvn -o -B verify -pl patchchain-testing -am -Dtest=WineBootOracleTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dwine.oracle.seed=" + scenario.seed() + " -Dwine.oracle.scenario=" + scenario.number();
    }

    /**
     * @param directory the run's output directory
     * @return the one-line summary, with where the files went and how to replay
     */
    String write(Path directory) throws IOException {
        Path dir = Files.createDirectories(directory.resolve(scenario.id()));
        Files.writeString(dir.resolve("steps.txt"), scenario + "\n");
        Files.writeString(dir.resolve("expected.txt"), "# " + phase + ": what we predicted\n" + expected + "\n");
        Files.writeString(dir.resolve("actual.txt"), "# " + phase + ": what Wine did\n" + actual + "\n");
        Files.writeString(dir.resolve("replay.txt"), replayCommand() + "\n");
        return "scenario " + scenario.id() + ", " + phase + ": see " + dir + "; replay: " + replayCommand();
    }
}
