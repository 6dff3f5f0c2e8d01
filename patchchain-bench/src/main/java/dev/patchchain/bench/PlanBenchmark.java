package dev.patchchain.bench;

import dev.patchchain.core.plan.Plan;
import dev.patchchain.core.plan.PlanOptions;
import dev.patchchain.core.plan.Planner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code patchchain plan} costs on a patch window of 8 packages × 500 files with 20% overlap: the verdict for
 * the set and every pair, the counterexamples and the schedule (see {@link PlanWorkload}). Goal: under a second.
 * {@code java -cp benchmarks.jar dev.patchchain.bench.PlanBenchmark} prints the state counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {

    /** Number of packages. */
    @Param({"8"})
    public int packages;

    /** Files per package. */
    @Param({"500"})
    public int files;

    private PlanWorkload workload;

    /** Builds the packages once per trial. */
    @Setup
    public void setUp() {
        workload = PlanWorkload.generate(packages, files, 42);
    }

    /** @return the whole plan: set and pair verdicts, counterexamples, schedule */
    @Benchmark
    public Plan plan() {
        return new Planner(PlanOptions.DEFAULT).plan(workload.packages(), workload.disk());
    }

    /**
     * Prints the verdict, the schedule and the state counts of the benchmark's workload.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PlanWorkload w = PlanWorkload.generate(8, 500, 42);
        Plan plan = null;
        long ms = 0;
        for (int run = 0; run < 10; run++) {
            long start = System.nanoTime();
            plan = new Planner(PlanOptions.DEFAULT).plan(w.packages(), w.disk());
            ms = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.println("verdict " + plan.set().verdict() + ", schedule " + plan.schedule());
        System.out.println("states explored " + plan.statesExplored() + ", without reduction "
                + plan.statesUnreduced() + " (" + plan.statesUnreduced().toString().length() + " digits), tenth run "
                + ms + " ms");
        for (int[] size : new int[][] {{3, 5}, {4, 5}, {3, 10}}) {
            PlanWorkload small = PlanWorkload.generate(size[0], size[1], 42);
            Plan reduced = new Planner(PlanOptions.DEFAULT).plan(small.packages(), small.disk());
            Plan full = new Planner(PlanOptions.DEFAULT.withReduction(false)).plan(small.packages(), small.disk());
            System.out.println(size[0] + " packages x " + size[1] + " files: " + reduced.set().verdict() + " (full: "
                    + full.set().verdict() + "), states with reduction " + reduced.statesExplored()
                    + ", without (explored) " + full.statesExplored());
        }
    }
}
