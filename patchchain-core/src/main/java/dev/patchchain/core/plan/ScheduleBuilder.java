package dev.patchchain.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cuts the packages, in their given order, into reboot groups and each group into waves.
 *
 * <p>Groups: a group is admissible when its verdict is not {@code REBOOT_REQUIRED_BETWEEN} (starting from the
 * reference state the earlier groups leave). Up to {@link Planner#EXACT_SCHEDULE_LIMIT} packages, dynamic
 * programming over all O(n²) consecutive groups gives the fewest groups; beyond, each group is extended greedily
 * while admissible, which is also minimal whenever admissibility is inherited by sub-groups (the usual case: a
 * conflict between two packages stays a conflict in any group holding both).
 *
 * <p>Waves inside a group: one wave if the group is {@code SAFE_PARALLEL}, or {@code SAFE_WITH_CHAIN} and safe in
 * parallel when chained; otherwise packages are added to the
 * current wave while the waves so far still explore safe, else a new wave starts; if the result is not safe the
 * group falls back to one package per wave, which its verdict proves safe.
 */
final class ScheduleBuilder {

    private final Planner.Run run;

    ScheduleBuilder(Planner.Run run) {
        this.run = run;
    }

    Schedule build(Verdict whole) {
        int n = run.size();
        if (n == 0) {
            return new Schedule(List.of(), true);
        }
        List<int[]> cuts = whole != Verdict.REBOOT_REQUIRED_BETWEEN ? List.of(new int[] {0, n})
                : n <= Planner.EXACT_SCHEDULE_LIMIT ? exact(n) : greedy(n);
        List<RebootGroup> groups = new ArrayList<>();
        for (int[] cut : cuts) {
            groups.add(group(cut[0], cut[1]));
        }
        return new Schedule(groups, whole != Verdict.REBOOT_REQUIRED_BETWEEN || n <= Planner.EXACT_SCHEDULE_LIMIT);
    }

    private boolean admissible(int from, int to) {
        return to - from == 1 || run.segment(from, to).verdict() != Verdict.REBOOT_REQUIRED_BETWEEN;
    }

    private List<int[]> exact(int n) {
        int[] best = new int[n + 1];
        int[] start = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Integer.MAX_VALUE;
            for (int i = 0; i < j; i++) {
                if (best[i] + 1 < best[j] && admissible(i, j)) {
                    best[j] = best[i] + 1;
                    start[j] = i;
                }
            }
        }
        List<int[]> cuts = new ArrayList<>();
        for (int j = n; j > 0; j = start[j]) {
            cuts.add(0, new int[] {start[j], j});
        }
        return cuts;
    }

    private List<int[]> greedy(int n) {
        List<int[]> cuts = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && admissible(from, to + 1)) {
                to++;
            }
            cuts.add(new int[] {from, to});
            from = to;
        }
        return cuts;
    }

    private RebootGroup group(int from, int to) {
        Verdict verdict = to - from == 1 ? Verdict.SAFE_PARALLEL : run.segment(from, to).verdict();
        boolean chain = verdict == Verdict.SAFE_WITH_CHAIN;
        List<Integer> pkgs = IntStream.range(from, to).boxed().toList();
        boolean oneWave = verdict == Verdict.SAFE_PARALLEL
                || chain && safe(List.of(pkgs), true, run.referenceBefore(from));
        List<List<Integer>> waves = oneWave ? List.of(pkgs) : waves(pkgs, from, chain);
        List<List<String>> ids = waves.stream()
                .map(w -> w.stream().map(i -> run.workload.packages.get(i).id()).toList()).toList();
        return new RebootGroup(ids, chain);
    }

    private List<List<Integer>> waves(List<Integer> pkgs, int from, boolean chain) {
        Map<Resource, Cell> start = run.referenceBefore(from);
        List<List<Integer>> waves = new ArrayList<>();
        List<Integer> current = new ArrayList<>(List.of(pkgs.get(0)));
        for (int k = 1; k < pkgs.size(); k++) {
            List<Integer> grown = new ArrayList<>(current);
            grown.add(pkgs.get(k));
            List<List<Integer>> candidate = new ArrayList<>(waves);
            candidate.add(grown);
            if (safe(candidate, chain, start)) {
                current = grown;
            } else {
                waves.add(current);
                current = new ArrayList<>(List.of(pkgs.get(k)));
            }
        }
        waves.add(current);
        if (waves.size() < pkgs.size() && !safe(waves, chain, start)) {
            return pkgs.stream().map(List::of).toList();
        }
        return waves;
    }

    private boolean safe(List<List<Integer>> waves, boolean chain, Map<Resource, Cell> start) {
        Program program = new Program(waves, chain);
        Map<Resource, Cell> expected = run.workload.reference(start, program.members());
        return run.explore(program, start, expected, Verdict.SAFE_PARALLEL).safe();
    }
}
