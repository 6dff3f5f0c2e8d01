package dev.patchchain.core.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exploration without reduction: breadth first over every interleaving of every step of every package, on the
 * whole state (all resources at once). Exponential; it exists to check {@link ProjectedExplorer} on small sets and
 * to count what the reduction saves. Gives up with {@link IllegalStateException} past its state budget.
 */
final class FullExplorer {

    private final Workload workload;
    private final long budget;

    FullExplorer(Workload workload, long budget) {
        this.workload = workload;
        this.budget = budget;
    }

    private record Node(String pcs, Map<Resource, Cell> cells) {
    }

    private record Edge(Node from, Step step) {
    }

    Exploration explore(Program program, Map<Resource, Cell> start, Map<Resource, Cell> expected, Verdict refuted) {
        List<Integer> pkgs = program.members();
        List<List<Step>> steps = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Map<Resource, Cell> cells = new HashMap<>();
        for (int pkg : pkgs) {
            List<Step> s = workload.programOf(pkg);
            steps.add(s);
            lengths.add(s.size());
            s.forEach(step -> cells.put(step.resource(), start.get(step.resource())));
        }
        Turns turns = new Turns(pkgs, lengths, program, workload.packages);
        Node root = new Node(new String(new char[pkgs.size()]), Map.copyOf(cells));
        Map<Node, Edge> seen = new HashMap<>();
        seen.put(root, null);
        ArrayDeque<Node> frontier = new ArrayDeque<>();
        frontier.add(root);
        Node bad = null;
        Resource badResource = null;
        while (!frontier.isEmpty()) {
            Node node = frontier.poll();
            char[] pcs = node.pcs.toCharArray();
            if (turns.done(pcs)) {
                if (bad == null) {
                    badResource = firstDifference(node.cells, expected, program.chain());
                    bad = badResource == null ? null : node;
                }
                continue;
            }
            for (int i = 0; i < turns.size(); i++) {
                if (!turns.mayStep(i, pcs)) {
                    continue;
                }
                Step step = steps.get(i).get(pcs[i]);
                char[] next = pcs.clone();
                next[i]++;
                Map<Resource, Cell> after = new HashMap<>(node.cells);
                after.put(step.resource(), step.apply(node.cells.get(step.resource()), workload.packages));
                Node child = new Node(new String(next), Map.copyOf(after));
                if (!seen.containsKey(child)) {
                    if (seen.size() >= budget) {
                        throw new IllegalStateException("exploration without reduction exceeds " + budget + " states");
                    }
                    seen.put(child, new Edge(node, step));
                    frontier.add(child);
                }
            }
        }
        if (bad == null) {
            return new Exploration(true, seen.size(), Optional.empty());
        }
        List<Step> onResource = new ArrayList<>();
        for (Edge e = seen.get(bad); e != null; e = seen.get(e.from)) {
            if (e.step.resource().equals(badResource)) {
                onResource.add(e.step);
            }
        }
        Collections.reverse(onResource);
        return new Exploration(false, seen.size(), Optional.of(TraceWriter.write(refuted, start.get(badResource),
                onResource, program, expected.get(badResource), workload)));
    }

    private Resource firstDifference(Map<Resource, Cell> cells, Map<Resource, Cell> expected, boolean chain) {
        for (Map.Entry<Resource, Cell> e : cells.entrySet()) {
            if (!workload.boot(e.getValue(), chain).equals(expected.get(e.getKey()))) {
                return e.getKey();
            }
        }
        return null;
    }
}
