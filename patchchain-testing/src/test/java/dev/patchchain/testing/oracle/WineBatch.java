package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.analysis.TargetGroup;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.boot.OutcomeStatus;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegFileWriter;
import dev.patchchain.formats.regquery.RegQueryParser;
import dev.patchchain.testing.wine.DriveTree;
import dev.patchchain.testing.wine.HelperStep;
import dev.patchchain.testing.wine.WinePrefix;
import dev.patchchain.testing.wine.WineScenario;
import dev.patchchain.testing.wine.WineScenarioGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * One batch of scenarios through Wine, all in one prefix at once (their directories are disjoint): the helper
 * queues, both decoders read the queue back, the simulator predicts, {@code wineboot -r} boots, the trees are
 * compared; then the pre-boot files are restored, the chained queue is imported, Wine boots again, and the chained
 * targets must end at their newest version with no staged file left.
 */
final class WineBatch {

    private static final WinPath ALL = WinPath.parse(WineScenarioGenerator.SCENARIOS_ROOT);
    private static final QueueValueName FIRST = QueueValueName.PENDING_FILE_RENAME_OPERATIONS;

    private final WinePrefix prefix;
    private final Path helper;
    private final Path work;
    private final Map<FileVersion, Path> contentFiles;
    private final List<WineScenario> scenarios;
    private final BootSimulator simulator = new BootSimulator(BootRules.WINE);
    private final List<ScenarioFailure> failures = new ArrayList<>();
    private int downgradesBooted;
    private int chainedTargets;

    WineBatch(WinePrefix prefix, Path helper, Path work, Map<FileVersion, Path> contentFiles, List<WineScenario> scenarios) {
        this.prefix = prefix;
        this.helper = helper;
        this.work = work;
        this.contentFiles = contentFiles;
        this.scenarios = scenarios;
    }

    /**
     * What the batch found.
     *
     * @param failures         the disagreements
     * @param statuses         how often each outcome occurred in the first boot (Wine did the same, file by file)
     * @param downgradesBooted chained targets that the unchained boot left below their newest version
     * @param chainedTargets   targets the chainer settled
     */
    record Result(List<ScenarioFailure> failures, Map<OutcomeStatus, Integer> statuses, int downgradesBooted,
                  int chainedTargets) {
    }

    Result run() throws IOException {
        Files.createDirectories(work);
        Path hostScenarios = prefix.driveC().resolve(ALL.fileName());
        HostFiles.deleteTree(hostScenarios);
        Map<WineScenario, List<String>> queued = runHelper();

        PendingQueue queue = readBack(queued);
        InMemoryVolume before = DriveTree.read(prefix.driveC(), ALL);
        Path snapshot = work.resolve("snapshot");
        HostFiles.deleteTree(snapshot);
        HostFiles.copyTree(hostScenarios, snapshot);

        BootResult predicted = simulator.run(queue, before);
        VolumeState booted = boot();
        compareTrees("boot", predicted.after(), booted);

        HostFiles.deleteTree(hostScenarios);
        HostFiles.copyTree(snapshot, hostScenarios);
        ChainResult chain = new Chainer(BootRules.WINE).chain(queue, before);
        importQueue(chain.chained());
        BootResult predictedChained = simulator.run(chain.chained(), before);
        VolumeState chainedBoot = boot();
        compareTrees("chained boot", predictedChained.after(), chainedBoot);
        checkChainedTargets(chain, before, predicted, booted, chainedBoot);

        HostFiles.deleteTree(hostScenarios);
        HostFiles.deleteTree(snapshot);
        Map<OutcomeStatus, Integer> statuses = new EnumMap<>(OutcomeStatus.class);
        predicted.outcomes().forEach(o -> statuses.merge(o.status(), 1, Integer::sum));
        return new Result(failures, statuses, downgradesBooted, chainedTargets);
    }

    /** Runs the helper; returns the strings each scenario's successful calls queued. */
    private Map<WineScenario, List<String>> runHelper() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HelperStep.mkdir(WineScenarioGenerator.SCENARIOS_ROOT).line(v -> "")));
        for (WineScenario s : scenarios) {
            s.steps().forEach(step -> lines.add(step.line(v -> WinePrefix.windowsPath(contentFiles.get(v)))));
        }
        Path script = Files.write(work.resolve("steps.txt"), lines);
        WinePrefix.Result r = prefix.wine(WinePrefix.windowsPath(helper), WinePrefix.windowsPath(script));
        assertThat(r.exitCode()).as("pfro_helper exit code; output:\n" + r.output() + "\nerrors:\n" + r.errors()).isZero();
        Map<Integer, String> results = new LinkedHashMap<>();
        for (String line : r.output().split("\r?\n")) {
            if (line.matches("\\d+\t.*")) { // anything else is not a step result
                String[] fields = line.split("\t", 2);
                results.put(Integer.parseInt(fields[0]), fields[1]);
            }
        }
        Map<WineScenario, List<String>> queued = new LinkedHashMap<>();
        int number = 2;
        for (WineScenario s : scenarios) {
            List<String> strings = new ArrayList<>();
            for (HelperStep step : s.steps()) {
                String result = results.get(number++);
                boolean ok = "ok".equals(result);
                if (!ok && (step.kind() == HelperStep.Kind.FILE || step.kind() == HelperStep.Kind.MKDIR)) {
                    fail(s, "setup", "every file and directory created", step + " -> " + result);
                }
                if (ok && step.queues()) {
                    strings.addAll(step.queuedStrings());
                }
            }
            queued.put(s, strings);
        }
        return queued;
    }

    /** Reads the queue with {@code reg query} and {@code regedit /E}; both must hold exactly what was queued. */
    private PendingQueue readBack(Map<WineScenario, List<String>> queued) throws IOException {
        Path query = Files.write(work.resolve("reg-query.txt"), prefix.queryQueue().bytes());
        PendingQueue fromQuery = RegQueryParser.parse(Files.readAllBytes(query), query.toString(), PathContext.DEFAULT).queue();
        Path export = work.resolve("session-manager.reg");
        PendingQueue fromExport = QueueRegistryView.read(
                RegFileReader.read(prefix.exportSessionManager(export), export.toString()), export.toString(), PathContext.DEFAULT).queue();
        for (WineScenario s : scenarios) {
            String expected = String.join("\n", queued.get(s));
            String viaQuery = String.join("\n", stringsOf(fromQuery, s.root()));
            String viaExport = String.join("\n", stringsOf(fromExport, s.root()));
            if (!viaQuery.equals(expected) || !viaExport.equals(expected)) {
                fail(s, "queue read back", expected, "reg query:\n" + viaQuery + "\nregedit /E:\n" + viaExport);
            }
        }
        List<String> all = queued.values().stream().flatMap(List::stream).toList();
        assertThat(rawStrings(fromQuery)).as("the whole queue via reg query, in order").isEqualTo(all);
        assertThat(fromExport.encode(FIRST)).as("reg query and regedit /E give the same bytes")
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(fromQuery.encode(FIRST).orElseThrow()));
        return fromExport;
    }

    private static List<String> rawStrings(PendingQueue queue) {
        return queue.operations().stream().flatMap(op -> op.rawStrings().stream()).toList();
    }

    private static List<String> stringsOf(PendingQueue queue, WinPath root) {
        List<String> strings = new ArrayList<>();
        for (PendingOperation op : queue.operations()) {
            if (op.sourcePath() != null && root.contains(op.sourcePath())) {
                strings.addAll(op.rawStrings());
            }
        }
        return strings;
    }

    /** {@code wineboot -r}; the value must be gone afterwards. */
    private VolumeState boot() throws IOException {
        prefix.reboot();
        assertThat(prefix.queryQueue().exitCode()).as("wineboot -r deletes PendingFileRenameOperations").isNotZero();
        return DriveTree.read(prefix.driveC(), ALL);
    }

    private void importQueue(PendingQueue chained) throws IOException {
        Path file = work.resolve("chained.reg");
        Files.write(file, RegFileWriter.write(QueueRegistryView.toRegFile(chained, QueueRegistryView.CURRENT_KEY_PATH)));
        prefix.importRegFile(file);
        PendingQueue imported = RegQueryParser.parse(prefix.queryQueue().bytes(), "wine reg query", PathContext.DEFAULT).queue();
        assertThat(imported.encode(FIRST)).as("the chained queue as Wine holds it after reg import")
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(chained.encode(FIRST).orElseThrow()));
    }

    private void compareTrees(String phase, VolumeState predicted, VolumeState actual) {
        for (WineScenario s : scenarios) {
            SortedMap<String, String> expected = DriveTree.listing(predicted, s.root());
            SortedMap<String, String> real = DriveTree.listing(actual, s.root());
            if (!expected.equals(real)) {
                fail(s, phase, render(expected), render(real));
            }
        }
    }

    /** Every chained target ends at the newest version that could reach it; no staged file is left over. */
    private void checkChainedTargets(ChainResult chain, VolumeState before, BootResult firstBoot, VolumeState booted,
                                     VolumeState chainedBoot) {
        Set<WinPath> renameTargets = new HashSet<>();
        chain.input().operations().forEach(op -> {
            if (op instanceof PendingOperation.Rename r) {
                renameTargets.add(r.target());
            }
        });
        for (TargetGroup group : chain.chainedTargets()) {
            chainedTargets++;
            WineScenario s = scenarioOf(group.target());
            Optional<FileVersion> newest = newest(group, before, firstBoot);
            Optional<FileVersion> unchained = versionAt(booted, group.target());
            Optional<FileVersion> chained = versionAt(chainedBoot, group.target());
            if (newest.isPresent() && !unchained.equals(newest)) {
                downgradesBooted++;
            }
            if (newest.isPresent() && !chained.equals(newest)) {
                fail(s, "chained target " + group.target(), "version " + newest.get(), "version " + chained.orElse(null));
            }
            for (int index : group.renames()) {
                WinPath staged = chain.input().operations().get(index).sourcePath();
                if (!renameTargets.contains(staged) && chainedBoot.stat(staged).exists()) {
                    fail(s, "leftover staged file for " + group.target(), staged + " gone", staged + " still there");
                }
            }
        }
    }

    /** The max of the version on disk and every staged version that could reach the target (first boot). */
    private static Optional<FileVersion> newest(TargetGroup group, VolumeState before, BootResult firstBoot) {
        Optional<FileVersion> best = versionAt(before, group.target());
        for (int index : group.renames()) {
            OperationOutcome o = firstBoot.outcomes().get(index);
            if (o.status() != OutcomeStatus.APPLIED && o.status() != OutcomeStatus.TARGET_EXISTS) {
                continue;
            }
            Optional<FileVersion> v = o.moved().flatMap(FileFacts::version);
            if (v.isPresent() && (best.isEmpty() || v.get().compareTo(best.get()) > 0)) {
                best = v;
            }
        }
        return best;
    }

    private static Optional<FileVersion> versionAt(VolumeState volume, WinPath path) {
        return volume.stat(path) instanceof PathState.File f ? f.facts().version() : Optional.empty();
    }

    private WineScenario scenarioOf(WinPath path) {
        return scenarios.stream().filter(s -> s.root().contains(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario owns " + path));
    }

    private void fail(WineScenario s, String phase, String expected, String actual) {
        failures.add(new ScenarioFailure(s, phase, expected, actual));
    }

    private static String render(SortedMap<String, String> listing) {
        StringBuilder text = new StringBuilder();
        listing.forEach((path, what) -> text.append(path).append("  ").append(what).append('\n'));
        return text.toString();
    }
}
