package dev.patchchain.testing.wine;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates {@link WineScenario}s from a seed: a few target files in {@code sys} (some present, at small versions
 * so that they collide), files staged in {@code tmp} (a few missing), then random queued operations over them:
 * renames with and without replace onto shared targets, the classic pair (0.3 then 0.2 queued for one target),
 * chains A&rarr;B&rarr;C between targets, deletes of files, missing paths and directories (empty or not), direct
 * copies turned into staged files, and renames at the edges (missing target directory, directories as source or
 * target, a directory moved into itself).
 *
 * <pre>{@code
 * WineScenario s = WineScenarioGenerator.generate(seed, 17);   // always the same steps for (seed, 17)
 * }</pre>
 */
public final class WineScenarioGenerator {

    /** Every scenario lives below this directory, as {@code C:\s\<number>}. */
    public static final String SCENARIOS_ROOT = "C:\\s";
    /** The versions staged and installed: few, so that targets see rivals, equal ones included. */
    public static final List<FileVersion> VERSIONS = List.of(
            FileVersion.parse("0.1"), FileVersion.parse("0.2"), FileVersion.parse("0.3"),
            FileVersion.parse("0.4"), FileVersion.parse("1.0.0.1"));
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final int MAX_TARGETS = 3;
    private static final int MAX_OPERATIONS = 8;

    private final Random random;
    private final String sys;
    private final String tmp;
    private final List<String> targets = new ArrayList<>();
    private final List<String> staged = new ArrayList<>();
    private final List<HelperStep> steps = new ArrayList<>();
    private int names;

    private WineScenarioGenerator(Random random, String root) {
        this.random = random;
        this.sys = root + "\\sys";
        this.tmp = root + "\\tmp";
    }

    /**
     * @param seed   the run's seed
     * @param number the scenario's number (its directory and, with the seed, its randomness)
     * @return the scenario
     */
    public static WineScenario generate(long seed, int number) {
        String root = SCENARIOS_ROOT + "\\" + number;
        WineScenarioGenerator g = new WineScenarioGenerator(new Random(seed ^ (number * MIX)), root);
        g.steps.add(HelperStep.mkdir(root));
        g.layout();
        int operations = 1 + g.random.nextInt(MAX_OPERATIONS);
        for (int i = 0; i < operations; i++) {
            g.operation();
        }
        return new WineScenario(seed, number, WinPath.parse(root), g.steps);
    }

    private void layout() {
        steps.add(HelperStep.mkdir(sys));
        steps.add(HelperStep.mkdir(tmp));
        for (int i = 0; i < 1 + random.nextInt(MAX_TARGETS); i++) {
            String target = sys + "\\t" + i + ".dll";
            targets.add(target);
            if (random.nextInt(3) > 0) {
                steps.add(HelperStep.file(target, version()));
            }
        }
        if (random.nextInt(3) == 0) {
            steps.add(HelperStep.mkdir(sys + "\\d"));
            if (random.nextBoolean()) {
                steps.add(HelperStep.file(sys + "\\d\\inner.dll", version()));
            }
        }
        if (random.nextInt(4) == 0) {
            steps.add(HelperStep.mkdir(sys + "\\e"));
        }
    }

    private void operation() {
        int kind = random.nextInt(100);
        if (kind < 45) {
            stageAndRename(pick(targets), random.nextInt(10) < 6);
        } else if (kind < 55) {
            classicDowngrade();
        } else if (kind < 65) {
            moveBetweenTargets();
        } else if (kind < 82) {
            steps.add(HelperStep.delete(deletable()));
        } else if (kind < 92) {
            copyThenRename();
        } else {
            refusedRename();
        }
    }

    /** A staged file (missing one time in ten) renamed onto a target, now and then spelt in other case. */
    private void stageAndRename(String target, boolean replace) {
        String source = stage(version(), random.nextInt(10) > 0);
        String spelling = random.nextInt(10) == 0 ? target.toUpperCase(Locale.ROOT) : target;
        steps.add(HelperStep.rename(source, spelling, replace));
    }

    /** The seed's case: 0.3 queued, then 0.2 queued for the same target, both with replace. */
    private void classicDowngrade() {
        String target = pick(targets);
        steps.add(HelperStep.rename(stage(VERSIONS.get(2), true), target, true));
        steps.add(HelperStep.rename(stage(VERSIONS.get(1), true), target, true));
    }

    /** A&rarr;B between targets, or on to a new name that becomes a target, so that chains form. */
    private void moveBetweenTargets() {
        String from = pick(targets);
        String to = random.nextInt(3) == 0 ? newTarget() : pick(targets);
        steps.add(HelperStep.rename(from, to, random.nextInt(10) < 7));
    }

    private String deletable() {
        int which = random.nextInt(10);
        if (which < 4 && !staged.isEmpty()) {
            return pick(staged);
        }
        if (which < 6) {
            return pick(targets);
        }
        if (which < 7) {
            return sys + "\\d";
        }
        if (which < 8) {
            return random.nextBoolean() ? tmp : sys + "\\e";
        }
        return tmp + "\\gone" + names++ + ".tmp";
    }

    /** A direct copy of a target (which may be missing) used as the staged file of a rename. */
    private void copyThenRename() {
        String copy = tmp + "\\c" + names++ + ".tmp";
        steps.add(HelperStep.copy(pick(targets), copy));
        staged.add(copy);
        steps.add(HelperStep.rename(copy, pick(targets), random.nextBoolean()));
    }

    /**
     * Renames at the edges, most of them refused at boot: into a missing directory, a file or a directory onto a
     * directory, a directory onto a file, a directory into itself, or a directory moved.
     */
    private void refusedRename() {
        String d = sys + "\\d";
        switch (random.nextInt(6)) {
            case 0 -> steps.add(HelperStep.rename(stage(version(), true), sys + "\\nodir\\x.dll", true));
            case 1 -> steps.add(HelperStep.rename(stage(version(), true), d, true));
            case 2 -> steps.add(HelperStep.rename(d, pick(targets), true));
            case 3 -> steps.add(HelperStep.rename(d, sys + "\\e", random.nextBoolean()));
            case 4 -> steps.add(HelperStep.rename(sys, d + "\\inside", false));
            default -> steps.add(HelperStep.rename(d, sys + "\\moved", false));
        }
    }

    private String stage(FileVersion version, boolean present) {
        String source = tmp + "\\s" + names++ + ".tmp";
        if (present) {
            steps.add(HelperStep.file(source, version));
        }
        staged.add(source);
        return source;
    }

    private String newTarget() {
        String target = sys + "\\t" + targets.size() + ".dll";
        targets.add(target);
        return target;
    }

    private FileVersion version() {
        return pick(VERSIONS);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
