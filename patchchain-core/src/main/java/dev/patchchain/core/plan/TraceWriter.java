package dev.patchchain.core.plan;

import java.util.ArrayList;
import java.util.List;

/** Turns a path of steps on one resource into the numbered lines of a {@link Counterexample}. */
final class TraceWriter {

    private TraceWriter() {
    }

    static Counterexample write(Verdict refuted, Cell start, List<Step> steps, Program program, Cell expected,
                                Workload workload) {
        List<String> lines = new ArrayList<>();
        Cell cell = start;
        for (Step step : steps) {
            lines.add(step.describe(cell, workload.packages));
            cell = step.apply(cell, workload.packages);
        }
        if (program.chain()) {
            lines.add("patchchain queue chain rewrites the queue so that the newest version of every target wins");
        }
        lines.add("reboot" + bootNote(cell));
        Cell after = workload.boot(cell, program.chain());
        lines.add(after.differenceFrom(expected));
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            numbered.add((i + 1) + ". " + lines.get(i));
        }
        return new Counterexample(refuted, start.subject(), numbered);
    }

    private static String bootNote(Cell cell) {
        if (cell instanceof FileCell f && !f.queueText().isEmpty()) {
            return ": the queue renames " + String.join(", then ", f.queueText()) + " onto " + f.target().fileName()
                    + ", in this order";
        }
        if (cell instanceof ValueCell v && v.consumedAtBoot()) {
            return ": " + v.display() + " runs " + ValueCell.show(v.value());
        }
        return "";
    }
}
