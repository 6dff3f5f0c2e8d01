package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.OutcomeStatus;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import dev.patchchain.testing.wine.WinePrefix;
import dev.patchchain.testing.wine.WineScenario;
import dev.patchchain.testing.wine.WineScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Wine as an independent oracle of the boot-time queue (docs/testing.md): a Windows helper queues real
 * {@code MoveFileExW(..., MOVEFILE_DELAY_UNTIL_REBOOT)} calls, {@code wineboot -r} executes them, and our decoders,
 * {@code BootSimulator} (rules {@code WINE}) and {@code Chainer} must agree with what Wine did, file by file.
 *
 * <p>Seeded: {@code -Dwine.oracle.seed=N} replays a run, adding {@code -Dwine.oracle.scenario=K} replays one
 * scenario; {@code -Dwine.oracle.scenarios=N} changes how many run. Skipped without Wine or MinGW-w64, except
 * under {@code CI=true}. Failures are written to {@code target/wine-oracle/<seed>-<n>/}.
 */
class WineBootOracleTest {

    private static final int SCENARIOS = Integer.getInteger("wine.oracle.scenarios", 300);
    private static final int BATCH = 60;
    private static final Path WORK = Path.of("target/wine-oracle");
    /** Every outcome but those the helper cannot queue (markers, syntax, second value, other drives). */
    private static final Set<OutcomeStatus> EXERCISED = EnumSet.of(OutcomeStatus.APPLIED, OutcomeStatus.TARGET_EXISTS,
            OutcomeStatus.SOURCE_MISSING, OutcomeStatus.PATH_NOT_FOUND, OutcomeStatus.DIRECTORY_NOT_EMPTY,
            OutcomeStatus.ACCESS_DENIED);

    @Test
    void wineBootsQueuesAsTheSimulatorPredictsAndChainedQueuesKeepTheNewestVersion() throws Exception {
        Corpus.requireTool("wine", "runs the helper and the boot");
        Corpus.requireTool("wineboot", "executes the pending queue");
        Corpus.requireTool(HelperBinary.COMPILER, "builds the Windows helper");
        long seed = seed();
        List<Integer> numbers = numbers();
        long start = System.nanoTime();

        HostFiles.deleteTree(WORK); // it holds the last run only: the prefix, the helper, failures
        Path helper = HelperBinary.build(WORK);
        Map<FileVersion, Path> contentFiles = contentFiles();
        WinePrefix prefix = WinePrefix.create(WORK.resolve("prefix"));
        List<String> failures = new ArrayList<>();
        Map<OutcomeStatus, Integer> statuses = new EnumMap<>(OutcomeStatus.class);
        int downgrades = 0;
        int chainedTargets = 0;
        try {
            for (int from = 0; from < numbers.size(); from += BATCH) {
                List<WineScenario> batch = numbers.subList(from, Math.min(numbers.size(), from + BATCH)).stream()
                        .map(n -> WineScenarioGenerator.generate(seed, n)).toList();
                WineBatch.Result result = new WineBatch(prefix, helper, WORK.resolve("batch"), contentFiles, batch).run();
                for (ScenarioFailure failure : result.failures()) {
                    failures.add(failure.write(WORK));
                }
                result.statuses().forEach((status, count) -> statuses.merge(status, count, Integer::sum));
                downgrades += result.downgradesBooted();
                chainedTargets += result.chainedTargets();
            }
        } finally {
            prefix.stop();
            HostFiles.deleteTree(WORK.resolve("prefix"));
        }
        int operations = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[oracle] wineboot: %d scenarios, %d queued operations %s, %d chained targets, %d of them "
                        + "downgraded by the real unchained boot, %d disagreements, %.1f s%n", numbers.size(), operations,
                statuses, chainedTargets, downgrades, failures.size(), (System.nanoTime() - start) / 1e9);
        failures.forEach(System.out::println);
        assertThat(failures).as("scenarios where Wine and we disagree (seed " + seed + ")").isEmpty();
        if (numbers.size() == SCENARIOS) {
            assertThat(downgrades).as("the generator must make real downgrades for the chainer to fix").isPositive();
            assertThat(statuses).as("the generator must reach every outcome a C: drive can give")
                    .containsKeys(EXERCISED.toArray(OutcomeStatus[]::new));
        }
    }

    private static long seed() {
        String fixed = System.getProperty("wine.oracle.seed");
        if (fixed == null) {
            return Seeds.seed("wine boot oracle"); // printed; -Dpatchchain.seed replays it too
        }
        System.out.println("[seed] wine boot oracle: " + fixed + " (from -Dwine.oracle.seed)");
        return Long.parseLong(fixed);
    }

    private static List<Integer> numbers() {
        Integer only = Integer.getInteger("wine.oracle.scenario");
        if (only != null) {
            return List.of(only);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < SCENARIOS; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** One PE per version the generator uses, built by our PeBuilder. */
    private static Map<FileVersion, Path> contentFiles() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("pe"));
        Map<FileVersion, Path> files = new LinkedHashMap<>();
        for (FileVersion v : WineScenarioGenerator.VERSIONS) {
            files.put(v, Files.write(dir.resolve(v + ".dll"), PeBuilder.dll().fileVersion(v).build()).toAbsolutePath());
        }
        return files;
    }
}
