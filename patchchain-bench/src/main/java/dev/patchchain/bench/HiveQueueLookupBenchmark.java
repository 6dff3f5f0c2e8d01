package dev.patchchain.bench;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.regf.ControlSetQueue;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pending queue read from a SYSTEM hive file in process: open (map) the hive, check its base block and bins,
 * follow {@code Select\Current} to the control set's Session Manager key, decode both values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HiveQueueLookupBenchmark {

    /** The SYSTEM hive (the corpus' regipy SYSTEM by default: 11.8 MB, 30,756 keys). */
    @Param({"../shared/corpus/hives/regipy/SYSTEM"})
    public String hive;

    /**
     * @return the current control set's queue
     * @throws IOException if the hive cannot be read
     */
    @Benchmark
    public ControlSetQueue lookup() throws IOException {
        try (RegfHive system = RegfHive.open(Path.of(hive), RegfOptions.STRICT)) {
            return SystemHiveQueue.current(system, PathContext.DEFAULT);
        }
    }
}
