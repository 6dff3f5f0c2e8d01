package dev.patchchain.core.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exploration with partial-order reduction: since every step touches one resource, steps on different resources
 * commute and a resource's outcome depends only on the order of its own steps. So each resource is explored on its
 * own, over the interleavings of just the steps that touch it. Every such interleaving extends to a whole-machine interleaving (program order within a package,
 * waves and engine locks are orders that a per-resource order respecting them cannot contradict), and the whole
 * machine differs from the reference exactly when some resource does: the verdict is the same as exploring
 * everything, at the cost of the sum instead of the product.
 */
final class ProjectedExplorer {

    private final Workload workload;
    private final Map<Key, Result> memo;

    /**
     * @param workload the packages
     * @param memo     results of resources already explored, shared by the explorations of one plan: the same
     *                 resource with the same packages, start and program shape recurs across sets, pairs and groups
     */
    ProjectedExplorer(Workload workload, Map<Key, Result> memo) {
        this.workload = workload;
        this.memo = memo;
    }

    Exploration explore(Program program, Map<Resource, Cell> start, Map<Resource, Cell> expected, Verdict refuted) {
        Set<Integer> members = new HashSet<>(program.members());
        // The start state is shared; each resource adds the states its own steps reach. A resource only one
        // member touches, with nothing pending on it at the start, runs exactly the reference's steps (a package
        // queues at most one rename per target, which the chainer keeps: it is newer than the disk, or the package
        // would not have queued it), so it ends as the reference and adds one state per step without being
        // explored. With something pending (the machine's queue, a RunOnce value) the reference reboots before
        // later packages, and the chainer may reorder the machine's entries: it is explored.
        long states = 1;
        for (int pkg : members) {
            states += workload.stepCounts.get(pkg);
        }
        for (Map.Entry<Resource, List<Integer>> e : workload.explored.entrySet()) {
            List<Integer> pkgs = program.members().stream().filter(e.getValue()::contains).toList();
            Resource r = e.getKey();
            boolean pending = workload.pendingAtStart(r, start.get(r));
            if (pkgs.isEmpty() || pkgs.size() == 1 && !pending) {
                continue;
            }
            for (int pkg : pkgs) {
                states -= workload.stepsByPackage.get(pkg).get(r).size();
            }
            // with something pending, the reference reboots before the first package that touches the resource unless
            // that package is the first member: the expected cell depends on it
            boolean rebootFirst = pending && !program.members().get(0).equals(pkgs.get(0));
            Key key = new Key(r, start.get(r), pkgs, shape(pkgs, program), program.chain(), rebootFirst);
            Result result = memo.get(key);
            if (result == null) {
                result = resource(r, pkgs, program, start.get(r), expected.get(r));
                memo.put(key, result);
            }
            states += result.states - 1;
            if (result.bad != null) {
                // One resource that ends differently decides the verdict: the rest need not be explored.
                return new Exploration(false, states, Optional.of(
                        TraceWriter.write(refuted, start.get(r), result.bad, program, expected.get(r), workload)));
            }
        }
        return new Exploration(true, states, Optional.empty());
    }

    /** The program as one resource sees it: each package's wave, renumbered from 0. */
    private static List<Integer> shape(List<Integer> pkgs, Program program) {
        List<Integer> waves = pkgs.stream().map(program::waveOf).toList();
        List<Integer> distinct = waves.stream().distinct().sorted().toList();
        return waves.stream().map(distinct::indexOf).toList();
    }

    /** What identifies one resource's exploration, and so its reference. */
    record Key(Resource resource, Cell start, List<Integer> pkgs, List<Integer> waves, boolean chain,
               boolean rebootFirst) {
    }

    /** One resource's exploration: states visited, and a path to a different ending (or null). */
    record Result(long states, List<Step> bad) {
    }

    private record Node(String pcs, Cell cell) {
    }

    private record Edge(Node from, Step step) {
    }

    /**
     * Depth first, stopping at the first ending that differs from the reference. Every complete interleaving of
     * a resource has the same number of steps, so any one found is as short as any other.
     */
    private Result resource(Resource r, List<Integer> pkgs, Program program, Cell start, Cell expected) {
        List<List<Step>> steps = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (int pkg : pkgs) {
            List<Step> s = workload.stepsByPackage.get(pkg).get(r);
            steps.add(s);
            lengths.add(s.size());
        }
        Turns turns = new Turns(pkgs, lengths, program, workload.packages);
        Node root = new Node(new String(new char[pkgs.size()]), start);
        Map<Node, Edge> seen = new HashMap<>();
        seen.put(root, null);
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            char[] pcs = node.pcs.toCharArray();
            if (turns.done(pcs)) {
                if (!workload.boot(node.cell, program.chain()).equals(expected)) {
                    return new Result(seen.size(), path(seen, node));
                }
                continue;
            }
            for (int i = turns.size() - 1; i >= 0; i--) {
                if (!turns.mayStep(i, pcs)) {
                    continue;
                }
                Step step = steps.get(i).get(pcs[i]);
                char[] next = pcs.clone();
                next[i]++;
                Node child = new Node(new String(next), step.apply(node.cell, workload.packages));
                if (!seen.containsKey(child)) {
                    seen.put(child, new Edge(node, step));
                    stack.push(child);
                }
            }
        }
        return new Result(seen.size(), null);
    }

    private static List<Step> path(Map<Node, Edge> seen, Node end) {
        List<Step> path = new ArrayList<>();
        for (Edge e = seen.get(end); e != null; e = seen.get(e.from)) {
            path.add(e.step);
        }
        Collections.reverse(path);
        return path;
    }
}
