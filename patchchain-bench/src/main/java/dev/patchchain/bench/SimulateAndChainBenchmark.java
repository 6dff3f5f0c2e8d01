package dev.patchchain.bench;

import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
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
 * What checking and chaining cost on a large queue: {@code simulate} is {@code queue check} (simulation and
 * findings), {@code simulateAndChain} one simulation and the chain, {@code queueChainCommand} all that
 * {@code queue chain} does. Run at 1k, 10k and 100k entries to show that the cost grows linearly.
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

    /** @return the simulation and findings of the queue as it is ({@code queue check}) */
    @Benchmark
    public AnalysisResult simulate() {
        return QueueAnalysis.analyze(workload.queue(), workload.volume(), BootRules.WINDOWS);
    }

    /** @return the chained queue: one simulated boot, then the chain (the goal: 100k entries in under 1 s) */
    @Benchmark
    public ChainResult simulateAndChain() {
        BootResult boot = new BootSimulator(BootRules.WINDOWS).run(workload.queue(), workload.volume());
        return new Chainer(BootRules.WINDOWS).chain(workload.queue(), workload.volume(), boot);
    }

    /** @return the analysis of the chained queue: the whole of {@code queue chain} (analyse, chain, analyse again) */
    @Benchmark
    public AnalysisResult queueChainCommand() {
        AnalysisResult before = QueueAnalysis.analyze(workload.queue(), workload.volume(), BootRules.WINDOWS);
        ChainResult chain = new Chainer(BootRules.WINDOWS).chain(workload.queue(), workload.volume(), before.boot());
        return QueueAnalysis.analyze(chain.chained(), workload.volume(), BootRules.WINDOWS);
    }
}
