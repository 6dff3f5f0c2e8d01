package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yarp's and regipy's dirty hives with their transaction logs: after our in-memory replay, every key and value
 * equals the hive as Windows itself recovered it (yarp ships that result beside the dirty hive); logs that fail
 * their checks are not applied; a dirty hive read without logs says so; files are never changed.
 */
class RegfDirtyHiveTest {

    private static final String YARP = "hives/yarp/hives_for_tests/";

    @Test
    void newFormatReplayEqualsWindows10Recovery() throws IOException {
        Path dirty = Corpus.require(YARP + "NewDirtyHive1/NewDirtyHive");
        try (RegfHive hive = RegfHive.open(dirty, RegfOptions.STRICT)) {
            assertThat(hive.dirty()).isTrue();
            assertThat(hive.logsApplied()).isTrue();
            assertThat(hive.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("NewDirtyHive.LOG1", "NewDirtyHive.LOG2");
            assertThat(hive.sequenceNumber()).isEqualTo(5);
            assertThat(model(hive)).isEqualTo(model(dirty.resolveSibling("RecoveredHive_Windows10")));
        }
    }

    @Test
    void secondNewFormatHiveReplaysOnlyItsSecondLog() throws IOException {
        Path dirty = Corpus.require(YARP + "NewDirtyHive2/NewDirtyHive");
        try (RegfHive hive = RegfHive.open(dirty, RegfOptions.STRICT)) {
            assertThat(hive.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("NewDirtyHive.LOG2");
            assertThat(hive.sequenceNumber()).isEqualTo(5);
            // Same edits as NewDirtyHive1, so Windows 10's recovery of that one is the ground truth here too.
            assertThat(model(hive)).isEqualTo(model(Corpus.require(YARP + "NewDirtyHive1/RecoveredHive_Windows10")));
        }
    }

    @Test
    void oldFormatReplayEqualsWindows7Recovery() throws IOException {
        Path dirty = Corpus.require(YARP + "OldDirtyHive/OldDirtyHive");
        List<RegKeyBlock> truth = model(dirty.resolveSibling("RecoveredHive_Windows7"));
        try (RegfHive hive = RegfHive.open(dirty, RegfOptions.STRICT)) {
            assertThat(hive.logsApplied()).isTrue();
            assertThat(hive.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("OldDirtyHive.LOG1");
            assertThat(model(hive)).isEqualTo(truth);
        }
        try (RegfHive stale = RegfHive.open(dirty, RegfOptions.STRICT.withoutLogs())) {
            assertThat(model(stale)).isNotEqualTo(truth);
        }
    }

    @Test
    void badPrimaryBaseBlockIsRecoveredFromTheLog() throws IOException {
        Path dirty = Corpus.require(YARP + "BadBaseBlockHive/BadBaseBlockHive");
        try (RegfHive hive = RegfHive.open(dirty, RegfOptions.STRICT)) {
            assertThat(hive.logsApplied()).isTrue();
            assertThat(hive.warnings()).anyMatch(w -> w.contains("base block recovered from BadBaseBlockHive.LOG1"));
            assertThat(model(hive)).isEqualTo(model(Corpus.require(YARP + "OldDirtyHive/RecoveredHive_Windows7")));
        }
    }

    @Test
    void logsThatFailTheirChecksAreNotApplied() throws IOException {
        for (String dir : List.of("BadLogHive1", "BadLogHive2", "BadLogHive3")) {
            try (RegfHive hive = RegfHive.open(Corpus.require(YARP + dir + "/BadLogHive"), RegfOptions.STRICT)) {
                assertThat(hive.dirty()).as(dir).isTrue();
                assertThat(hive.logsApplied()).as(dir).isFalse();
                assertThat(hive.warnings()).as(dir).anyMatch(w -> w.startsWith("DIRTY HIVE read without"))
                        .anyMatch(w -> w.contains("BadLogHive.LOG1"));
            }
        }
    }

    @Test
    void regipyTransactionLogsGrowTheHive() throws IOException {
        Path dirty = Corpus.require("hives/regipy/transactions_NTUSER.DAT");
        int before;
        try (RegfHive stale = RegfHive.open(dirty, RegfOptions.STRICT.withoutLogs())) {
            assertThat(stale.dirty()).isTrue();
            assertThat(stale.logsApplied()).isFalse();
            assertThat(stale.warnings()).anyMatch(w -> w.startsWith("DIRTY HIVE read without its transaction logs"));
            before = model(stale).size();
        }
        try (RegfHive hive = RegfHive.open(dirty, RegfOptions.STRICT)) {
            assertThat(hive.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("transactions_ntuser.dat.log1");
            assertThat(hive.sequenceNumber()).isEqualTo(588);
            int after = model(hive).size();
            System.out.println("[dirty] transactions_NTUSER.DAT: " + before + " keys on disk, " + after
                    + " after replay to sequence " + hive.sequenceNumber());
            assertThat(after).isGreaterThan(before);
        }
    }

    @Test
    void usrClassReplaysBothLogsAfterAPartialReconcile() throws IOException {
        try (RegfHive hive = RegfHive.open(Corpus.require("hives/regipy/UsrClass.dat"), RegfOptions.STRICT)) {
            assertThat(hive.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("UsrClass.dat.LOG1", "UsrClass.dat.LOG2");
            assertThat(hive.sequenceNumber()).isEqualTo(300);
            assertThat(hive.warnings()).anyMatch(w -> w.contains("start at sequence 287, not at 255"));
        }
    }

    @Test
    void logsAreFoundInAnyCaseAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path source = Corpus.require(YARP + "NewDirtyHive1/NewDirtyHive");
        Path hive = Files.copy(source, dir.resolve("system"));
        Files.copy(source.resolveSibling("NewDirtyHive.LOG1"), dir.resolve("SYSTEM.log1"));
        Files.copy(source.resolveSibling("NewDirtyHive.LOG2"), dir.resolve("System.LOG2"));
        String before = digest(dir);
        try (RegfHive recovered = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(recovered.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("SYSTEM.log1", "System.LOG2");
            model(recovered);
        }
        assertThat(digest(dir)).isEqualTo(before);
    }

    private static String digest(Path dir) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : Files.list(dir).sorted().toList()) {
                sha.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
                sha.update(Files.getLastModifiedTime(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RegKeyBlock> model(Path hive) throws IOException {
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.dirty()).as(hive + " is the clean ground truth").isFalse();
            return model(h);
        }
    }

    private static List<RegKeyBlock> model(RegfHive hive) throws IOException {
        RegFile file = RegfExport.export(hive.rootKey(), "");
        return file.keys();
    }
}
