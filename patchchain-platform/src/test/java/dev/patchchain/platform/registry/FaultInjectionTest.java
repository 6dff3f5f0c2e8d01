package dev.patchchain.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.InMemoryQueueRegistry;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.core.registry.RegistryFault;
import dev.patchchain.formats.regf.HiveUpdateHook;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the write at every step, on the in-memory registry and on an offline hive (where a thrown exception stands
 * for the process dying at that point): afterwards each value is either the old or the new one, never torn, and the
 * backup, when one was written, restores the old queue exactly. On the hive both values change in one update, so
 * there the pair is old or new as a whole.
 */
class FaultInjectionTest {

    private static final QueueValues OLD = QueueValues.of(SafeQueueWriteTest.OLD,
            MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\old.dll", "")).encode());
    /** Both values change: the first is rewritten, the second deleted. */
    private static final QueueValues NEW = QueueValues.of(SafeQueueWriteTest.NEW, null);
    private static final QueueEdit EDIT = read -> new QueueEdit.Result(NEW, List.of("rewritten"));

    @TempDir
    Path dir;

    /** A fault: a step of the sequence, or a point inside the registry ({@code write} counts hive updates). */
    record Fault(Optional<ApplyStep> step, Optional<RegistryFault.Point> memory, Optional<HiveUpdateHook.Step> hive,
                 int write) {
        @Override
        public String toString() {
            return step.map(Object::toString).or(() -> memory.map(Object::toString))
                    .orElseGet(() -> hive.orElseThrow() + " of value write " + write);
        }
    }

    static Stream<Fault> memoryFaults() {
        List<Fault> faults = new ArrayList<>(sequenceFaults());
        for (RegistryFault.Point point : RegistryFault.Point.values()) {
            faults.add(new Fault(Optional.empty(), Optional.of(point), Optional.empty(), 0));
        }
        return faults.stream();
    }

    static Stream<Fault> hiveFaults() {
        List<Fault> faults = new ArrayList<>(sequenceFaults());
        for (HiveUpdateHook.Step step : HiveUpdateHook.Step.values()) {
            if (step != HiveUpdateHook.Step.MOVE_LOG) {
                faults.add(new Fault(Optional.empty(), Optional.empty(), Optional.of(step), 1));
            }
        }
        return faults.stream();
    }

    private static List<Fault> sequenceFaults() {
        return Stream.of(ApplyStep.values())
                .map(s -> new Fault(Optional.of(s), Optional.empty(), Optional.empty(), 0)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memoryFaults")
    void inMemory(Fault fault) throws Exception {
        InMemoryQueueRegistry registry = new InMemoryQueueRegistry(OLD, Instant.EPOCH);
        fault.memory().ifPresent(point -> registry.fault((p, r) -> {
            if (p == point) {
                throw new IOException("injected at " + p);
            }
        }));

        failAndRecover(registry, fault, () -> registry.fault(RegistryFault.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiveFaults")
    void offlineHive(Fault fault) throws Exception {
        Path hive = SystemHives.write(dir.resolve("config/SYSTEM"), OLD);
        AtomicInteger writes = new AtomicInteger();
        boolean[] armed = {true};
        HiveUpdateHook hook = (step, file) -> {
            if (step == HiveUpdateHook.Step.BACKUP) {
                writes.incrementAndGet();
            }
            if (armed[0] && fault.hive().equals(Optional.of(step)) && writes.get() == fault.write()) {
                throw new IOException("injected at " + step + " of write " + writes.get());
            }
        };
        QueueRegistry registry = new HiveQueueRegistry(hive, HiveUpdateOptions.DEFAULT.withBackupDir(dir).withHook(hook));

        failAndRecover(registry, fault, () -> armed[0] = false);

        try (Stream<Path> left = Files.list(hive.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".patchchain-tmp"));
        }
    }

    private void failAndRecover(QueueRegistry registry, Fault fault, Runnable disarm) throws Exception {
        ApplyOptions options = new ApplyOptions(dir.resolve("backups"), "chain", "test", "host1",
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), step -> {
                    if (fault.step().equals(Optional.of(step))) {
                        throw new IOException("injected before " + step);
                    }
                });

        assertThatThrownBy(() -> new SafeQueueWrite(registry, options).run(EDIT)).hasMessageContaining("injected");

        disarm.run();
        QueueValues after = registry.read().values();
        for (QueueValueName name : QueueValueName.values()) {
            assertThat(after.sameValue(name, OLD) || after.sameValue(name, NEW))
                    .as("%s after a fault at %s: %s", name, fault, after).isTrue();
        }
        if (registry instanceof HiveQueueRegistry) {
            assertThat(after).as("the hive's pair after a fault at %s", fault).isIn(OLD, NEW);
        }
        Optional<Path> backup = newestBackup();
        if (backup.isEmpty()) {
            assertThat(after).as("no backup, so nothing may have been written").isEqualTo(OLD);
            return;
        }
        new SafeQueueWrite(registry, options.withHook(ApplyHook.NONE)).run(QueueBackupFile.read(backup.get()).restore());
        assertThat(registry.read().values()).isEqualTo(OLD);
    }

    private Optional<Path> newestBackup() throws IOException {
        Path backups = dir.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().reduce((a, b) -> b);
        }
    }
}
