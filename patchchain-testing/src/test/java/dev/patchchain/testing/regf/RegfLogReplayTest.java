package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log replay on hives and logs made by {@link RegfBuilder} and {@link RegfLogBuilder}: three versions of a SYSTEM
 * hive whose queue names {@code a.tmp}, {@code b.tmp}, {@code c.tmp}; the file on disk is the first, dirty
 * (sequence numbers 5 and 4), and the logs carry the steps to the others.
 */
class RegfLogReplayTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";

    @TempDir
    Path dir;
    private byte[] v0;
    private byte[] v1;
    private byte[] v2;
    private Path hive;

    private static byte[] version(char file) {
        return new RegfBuilder().sequences(5, 4).value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value(SM, "PendingFileRenameOperations", 7,
                        ("\\??\\C:\\" + file + ".tmp\0\0").getBytes(StandardCharsets.UTF_16LE))
                .build();
    }

    @BeforeEach
    void writeDirtyHive() throws IOException {
        v0 = version('a');
        v1 = version('b');
        v2 = version('c');
        hive = Files.write(dir.resolve("SYSTEM"), v0);
    }

    private String queueFile(RegfHive h) throws IOException {
        byte[] data = h.key(SM).orElseThrow().value("PendingFileRenameOperations").orElseThrow().data();
        return new String(data, StandardCharsets.UTF_16LE).substring(7, 8);
    }

    @Test
    void entriesApplyInSequenceOrderWhicheverLogHoldsThem() throws IOException {
        Files.write(dir.resolve("system.log1"), RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(5, v1, v2)));
        Files.write(dir.resolve("SYSTEM.LOG2"), RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(4, v0, v1)));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.logsApplied()).isTrue();
            assertThat(h.logsUsed()).extracting(p -> p.getFileName().toString())
                    .containsExactly("SYSTEM.LOG2", "system.log1");
            assertThat(h.sequenceNumber()).isEqualTo(5);
            assertThat(queueFile(h)).isEqualTo("c");
            assertThat(h.warnings()).isEmpty();
        }
        try (RegfHive stale = RegfHive.open(hive, RegfOptions.STRICT.withoutLogs())) {
            assertThat(queueFile(stale)).isEqualTo("a");
        }
    }

    @Test
    void aGapInSequenceNumbersEndsTheReplay() throws IOException {
        Files.write(dir.resolve("SYSTEM.LOG1"), RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(4, v0, v1),
                new RegfLogBuilder.Step(6, v1, v2)));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.sequenceNumber()).isEqualTo(4);
            assertThat(queueFile(h)).isEqualTo("b");
        }
    }

    @Test
    void anEntryWithABadHashEndsItsLog() throws IOException {
        byte[] log = RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(4, v0, v1), new RegfLogBuilder.Step(5, v1, v2));
        int second = 512 + readInt(log, 512 + 4);
        log[second + 40 + 8 + 100] ^= 1; // a byte of the second entry's page: hash-1 no longer holds
        Files.write(dir.resolve("SYSTEM.LOG1"), log);
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(queueFile(h)).isEqualTo("b");
            assertThat(h.warnings()).singleElement().asString().contains("log entry hash mismatch (Marvin32)");
        }
    }

    @Test
    void entriesOlderThanTheHiveAreIgnored() throws IOException {
        Files.write(dir.resolve("SYSTEM.LOG1"), RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(3, v0, v2)));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.logsApplied()).isFalse();
            assertThat(queueFile(h)).isEqualTo("a");
            assertThat(h.warnings()).anyMatch(w -> w.contains("no log entry with sequence number 4 or later"));
        }
    }

    @Test
    void oldFormatDirtyVector() throws IOException {
        Files.write(dir.resolve("SYSTEM.LOG"), RegfLogBuilder.oldFormat(v0, v2));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(h.logsUsed()).extracting(p -> p.getFileName().toString()).containsExactly("SYSTEM.LOG");
            assertThat(queueFile(h)).isEqualTo("c");
        }
    }

    @Test
    void aBadPrimaryChecksumIsRepairedFromTheLog() throws IOException {
        byte[] broken = v0.clone();
        broken[508] ^= 0x55;
        Files.write(hive, broken);
        Files.write(dir.resolve("SYSTEM.LOG1"), RegfLogBuilder.newFormat(v0, new RegfLogBuilder.Step(4, v0, v1)));
        try (RegfHive h = RegfHive.open(hive, RegfOptions.STRICT)) {
            assertThat(queueFile(h)).isEqualTo("b");
            assertThat(h.warnings()).contains("base block recovered from SYSTEM.LOG1");
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
