package dev.patchchain.bench;

import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.chain.Chainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The simulate + chain scaling figures measured in thread CPU time instead of wall time, so that other work on a
 * shared machine does not distort them (garbage collection threads are not counted). Prints, per queue size, the
 * best of several runs for the simulation + chain and for {@code queue check}'s analysis.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -cp patchchain-bench/target/benchmarks.jar dev.patchchain.bench.ChainCpuTime}
 */
public final class ChainCpuTime {

    private ChainCpuTime() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("entries  simulate+chain (ms, us/entry)  queue check analysis (ms, us/entry)");
        for (int entries : new int[] {1_000, 10_000, 100_000}) {
            QueueWorkload workload = QueueWorkload.generate(entries, 42);
            int runs = Math.max(5, 2_000_000 / entries / 10);
            long chain = Long.MAX_VALUE;
            long check = Long.MAX_VALUE;
            for (int run = 0; run < runs; run++) {
                long start = threads.getCurrentThreadCpuTime();
                BootResult boot = new BootSimulator(BootRules.WINDOWS).run(workload.queue(), workload.volume());
                new Chainer(BootRules.WINDOWS).chain(workload.queue(), workload.volume(), boot);
                long middle = threads.getCurrentThreadCpuTime();
                QueueAnalysis.analyze(workload.queue(), workload.volume(), BootRules.WINDOWS);
                long end = threads.getCurrentThreadCpuTime();
                chain = Math.min(chain, middle - start);
                check = Math.min(check, end - middle);
            }
            System.out.printf("%7d  %8.1f ms  %5.2f us           %8.1f ms  %5.2f us%n", entries, chain / 1e6,
                    chain / 1e3 / entries, check / 1e6, check / 1e3 / entries);
        }
    }
}
