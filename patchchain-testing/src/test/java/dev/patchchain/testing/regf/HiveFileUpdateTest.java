package dev.patchchain.testing.regf;

import static dev.patchchain.testing.regf.RegfValueWriterTest.NOW;
import static dev.patchchain.testing.regf.RegfValueWriterTest.PFRO;
import static dev.patchchain.testing.regf.RegfValueWriterTest.SM;
import static dev.patchchain.testing.regf.RegfValueWriterTest.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.regf.HiveFileUpdate;
import dev.patchchain.formats.regf.HiveUpdateHook;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.formats.regf.HiveUpdateResult;
import dev.patchchain.formats.regf.RefusedWriteException;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import dev.patchchain.formats.regf.ValueChange;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link HiveFileUpdate}: backup, temp file, verification, atomic rename; failures leave the original alone. */
class HiveFileUpdateTest {

    private static final HiveUpdateOptions OPTIONS = HiveUpdateOptions.DEFAULT
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ValueChange LONGER = ValueChange.set(SM, PFRO, 7, queue(200));

    @TempDir
    Path dir;

    private Path hive(RegfBuilder builder) throws IOException {
        return Files.write(dir.resolve("SYSTEM"), builder.build());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Optional<RegfValue> read(Path hive) throws IOException {
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.dirty()).isFalse();
            return h.key(SM).orElseThrow().value(PFRO);
        }
    }

    @Test
    void severalValuesChangeInOneReplacementOrNotAtAll() throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        byte[] original = Files.readAllBytes(hive);
        List<ValueChange> both = List.of(LONGER, ValueChange.set(SM, PFRO + "2", 7, queue(30)));
        HiveUpdateHook failAtRename = (step, file) -> {
            if (step == HiveUpdateHook.Step.RENAME) {
                throw new IOException("injected");
            }
        };

        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, both, OPTIONS.withHook(failAtRename)))
                .hasMessage("injected");
        assertThat(Files.readAllBytes(hive)).isEqualTo(original);

        HiveUpdateResult result = HiveFileUpdate.apply(hive, both,
                OPTIONS.withBackupDir(Files.createDirectories(dir.resolve("b"))));
        assertThat(read(hive)).contains(new RegfValue(PFRO, 7, LONGER.data()));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.key(SM).orElseThrow().value(PFRO + "2")).contains(new RegfValue(PFRO + "2", 7, queue(30)));
        }
        assertThat(result.backup()).hasParent(dir.resolve("b"));
    }

    @Test
    void backsUpWritesAndRenames() throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        byte[] original = Files.readAllBytes(hive);
        HiveUpdateResult result = HiveFileUpdate.apply(hive, LONGER, OPTIONS);
        assertThat(result.written()).isTrue();
        assertThat(result.backup().getFileName()).hasToString("SYSTEM.20261125T120000Z.bak");
        assertThat(Files.readAllBytes(result.backup())).isEqualTo(original);
        assertThat(read(hive)).contains(new RegfValue(PFRO, 7, LONGER.data()));
        assertThat(Files.readAllBytes(hive)).isEqualTo(result.edit().image());
        HiveUpdateResult second = HiveFileUpdate.apply(hive, ValueChange.delete(SM, PFRO), OPTIONS);
        assertThat(second.backup().getFileName()).hasToString("SYSTEM.20261125T120000Z-2.bak");
        assertThat(read(hive)).isEmpty();
        assertThat(files()).containsExactly("SYSTEM", "SYSTEM.20261125T120000Z-2.bak", "SYSTEM.20261125T120000Z.bak");
    }

    @Test
    void theHiveKeepsItsPermissions() throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        Assumptions.assumeTrue(Files.getFileStore(hive).supportsFileAttributeView(PosixFileAttributeView.class));
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(hive, mode);
        HiveFileUpdate.apply(hive, LONGER, OPTIONS);
        assertThat(Files.getPosixFilePermissions(hive)).isEqualTo(mode);
    }

    @Test
    void backupGoesToTheGivenDirectoryAndANoOpWritesNothing(@TempDir Path backups) throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        HiveUpdateResult result = HiveFileUpdate.apply(hive, LONGER, OPTIONS.withBackupDir(backups));
        assertThat(result.backup().getParent()).isEqualTo(backups);
        assertThat(files()).containsExactly("SYSTEM");
        byte[] now = Files.readAllBytes(hive);
        HiveUpdateResult none = HiveFileUpdate.apply(hive, ValueChange.delete(SM, "absent"), OPTIONS);
        assertThat(none.written()).isFalse();
        assertThat(Files.readAllBytes(hive)).isEqualTo(now);
    }

    @ParameterizedTest
    @EnumSource(value = HiveUpdateHook.Step.class, names = {"BACKUP", "WRITE", "FSYNC", "VERIFY", "RENAME"})
    void aFailureAtAnyStepBeforeTheRenameLeavesTheOriginalUntouched(HiveUpdateHook.Step failing) throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        byte[] original = Files.readAllBytes(hive);
        HiveUpdateHook hook = (step, file) -> {
            if (step == failing) {
                throw new IOException("injected at " + step);
            }
        };
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS.withHook(hook)))
                .hasMessage("injected at " + failing);
        assertThat(Files.readAllBytes(hive)).isEqualTo(original);
        assertThat(files()).allMatch(f -> f.equals("SYSTEM") || f.endsWith(".bak"));
    }

    @Test
    void aTempFileDamagedBeforeVerificationIsNotInstalled() throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        byte[] original = Files.readAllBytes(hive);
        HiveUpdateHook damage = (step, file) -> {
            if (step == HiveUpdateHook.Step.VERIFY) {
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                    f.seek(4096 + 40);
                    f.write(f.read() ^ 0x55);
                }
            }
        };
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS.withHook(damage)))
                .hasMessageContaining("verification failed");
        assertThat(Files.readAllBytes(hive)).isEqualTo(original);
        assertThat(files()).allMatch(f -> f.equals("SYSTEM") || f.endsWith(".bak"));
    }

    @Test
    void aHiveChangedByAnotherWriterMeanwhileIsNotReplaced() throws IOException {
        Path hive = hive(RegfValueWriterTest.system());
        byte[] theirs = RegfValueWriterTest.system().value(SM, "Theirs", 4, new byte[] {9, 0, 0, 0}).build();
        HiveUpdateHook otherWriter = (step, file) -> {
            if (step == HiveUpdateHook.Step.VERIFY) {
                Files.write(hive, theirs);
            }
        };
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS.withHook(otherWriter)))
                .hasMessageContaining("changed by someone else");
        assertThat(Files.readAllBytes(hive)).isEqualTo(theirs);
    }

    @Test
    void aDirtyHiveIsRefusedUnlessRecoveredWithItsLogsDiscarded() throws IOException {
        Path hive = hive(RegfValueWriterTest.system().sequences(3, 2));
        byte[] original = Files.readAllBytes(hive);
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS))
                .isInstanceOf(RefusedWriteException.class).hasMessageContaining("recoverFromLogs");
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS.withLogs(true, false)))
                .isInstanceOf(RefusedWriteException.class).hasMessageContaining("discardLogs");
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, LONGER, OPTIONS.recoveringDirtyHive()))
                .isInstanceOf(RefusedWriteException.class).hasMessageContaining("its logs cannot recover it");
        assertThat(Files.readAllBytes(hive)).isEqualTo(original);
        assertThat(files()).containsExactly("SYSTEM");
    }

    @Test
    void aDirtyHiveRecoveredFromItsLogsIsWrittenAndTheStaleLogsMoved() throws IOException {
        Path source = Corpus.require("hives/yarp/hives_for_tests/NewDirtyHive1/NewDirtyHive");
        Path hive = dir.resolve("NewDirtyHive");
        for (String suffix : List.of("", ".LOG1", ".LOG2")) {
            Files.copy(source.resolveSibling(source.getFileName() + suffix), dir.resolve("NewDirtyHive" + suffix));
        }
        byte[] data = RegfHiveTest.utf16("added\0");
        HiveUpdateResult result = HiveFileUpdate.apply(hive, ValueChange.set("Key3", "Added", 1, data),
                OPTIONS.recoveringDirtyHive());
        assertThat(result.recovered()).isTrue();
        assertThat(result.movedLogs()).extracting(p -> p.getFileName().toString())
                .containsExactly("NewDirtyHive.LOG1.20261125T120000Z.bak", "NewDirtyHive.LOG2.20261125T120000Z.bak");
        assertThat(files()).containsExactlyInAnyOrder("NewDirtyHive", "NewDirtyHive.20261125T120000Z.bak",
                "NewDirtyHive.LOG1.20261125T120000Z.bak", "NewDirtyHive.LOG2.20261125T120000Z.bak");
        try (RegfHive written = RegfHive.open(hive, RegfOptions.STRICT);
                RegfHive windows = RegfHive.open(source.resolveSibling("RecoveredHive_Windows10"),
                        RegfOptions.STRICT)) {
            assertThat(written.dirty()).isFalse();
            RegfKey key3 = written.key("Key3").orElseThrow();
            assertThat(key3.value("Added")).contains(new RegfValue("Added", 1, data));
            assertThat(key3.values().stream().filter(v -> !v.name().equals("Added")).toList())
                    .isEqualTo(windows.key("Key3").orElseThrow().values());
            assertThat(written.rootKey().subkeys()).extracting(RegfKey::name)
                    .isEqualTo(windows.rootKey().subkeys().stream().map(RegfKey::name).toList());
        }
    }
}
