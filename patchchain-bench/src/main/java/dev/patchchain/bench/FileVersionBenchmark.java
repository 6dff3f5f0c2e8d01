package dev.patchchain.bench;

import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process speed of the PE version reader: files per second over a directory of real PE files (Debian's
 * wine64 DLLs by default; the files stay in the page cache, so this measures parsing, not the disk).
 * The score is per file: with {@code Mode.Throughput} in seconds it reads as files/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileVersionBenchmark {

    /** How many files one invocation reads; scores are divided by it. */
    private static final int BATCH = 512;

    /** The directory searched (recursively) for files. */
    @Param({"/usr/lib/x86_64-linux-gnu/wine/x86_64-windows"})
    public String directory;

    private List<Path> files;
    private int cursor;

    /**
     * Lists the files once.
     *
     * @throws IOException if the directory cannot be listed
     */
    @Setup
    public void setUp() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(directory))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no files under " + directory + " (install wine64 or pass -p directory=...)");
        }
    }

    /**
     * Reads {@value #BATCH} files (cycling through the directory).
     *
     * @param sink keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void readVersions(Blackhole sink) {
        for (int i = 0; i < BATCH; i++) {
            Path file = files.get(Math.floorMod(cursor++, files.size()));
            try {
                PeVersionInfo info = PeVersionReader.read(file);
                sink.consume(info);
            } catch (IOException e) {
                sink.consume(e);
            }
        }
    }
}
