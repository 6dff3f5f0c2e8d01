package dev.patchchain.bench;

import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.chain.Chainer;
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
 * What {@code queue chain} costs on a large queue: analyse (simulate + findings), chain, analyse the chained queue.
 * Run at 1k, 10k and 100k entries to show that the cost grows linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulateAndChainBenchmark {

    /** Number of rename entries in the queue. */
    @Param({"1000", "10000", "100000"})
    public int entries;

    private QueueWorkload workload;

    /** Builds the queue and its volume once per trial. */
    @Setup
    public void setUp() {
        workload = QueueWorkload.generate(entries, 42);
    }

    /** @return the simulation and findings of the queue as it is */
    @Benchmark
    public AnalysisResult simulate() {
        return QueueAnalysis.analyze(workload.queue(), workload.volume(), BootRules.WINDOWS);
    }

    /** @return the analysis of the chained queue (simulate, chain, simulate again: the whole of {@code queue chain}) */
    @Benchmark
    public AnalysisResult simulateChainSimulate() {
        QueueAnalysis.analyze(workload.queue(), workload.volume(), BootRules.WINDOWS);
        ChainResult chain = new Chainer(BootRules.WINDOWS).chain(workload.queue(), workload.volume());
        return QueueAnalysis.analyze(chain.chained(), workload.volume(), BootRules.WINDOWS);
    }
}
