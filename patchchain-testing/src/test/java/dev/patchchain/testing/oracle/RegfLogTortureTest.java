package dev.patchchain.testing.oracle;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yarp's dirty hives with damaged transaction logs: logs truncated every 5 bytes in their first sectors and every
 * 509 bytes after, and seeded bit flips in the logs and the primary base block. Opening with log replay and walking
 * the result succeeds or fails with a {@link FormatException}; nothing else, no hang.
 */
class RegfLogTortureTest {

    private static final String YARP = "hives/yarp/hives_for_tests/";

    @Test
    void truncatedLogs(@TempDir Path dir) throws IOException {
        for (String[] hive : new String[][] {{"NewDirtyHive1", "NewDirtyHive", "NewDirtyHive.LOG2"},
                {"OldDirtyHive", "OldDirtyHive", "OldDirtyHive.LOG1"}}) {
            Path primary = Corpus.require(YARP + hive[0] + "/" + hive[1]);
            byte[] log = Files.readAllBytes(primary.resolveSibling(hive[2]));
            Path copy = Files.copy(primary, dir.resolve(hive[1]));
            int runs = 0;
            for (int cut = 0; cut <= log.length; cut += cut < 640 ? 5 : 509) {
                Files.write(dir.resolve(hive[2]), Arrays.copyOf(log, cut));
                open(copy, hive[2] + " cut at " + cut);
                runs++;
            }
            Files.delete(copy);
            Files.delete(dir.resolve(hive[2]));
            System.out.println("[torture] " + hive[2] + ": " + runs + " truncations");
        }
    }

    @Test
    void bitFlipsInLogsAndBaseBlock(@TempDir Path dir) throws IOException {
        Random random = Seeds.random("regf log bit flips");
        for (String[] hive : new String[][] {{"NewDirtyHive1", "NewDirtyHive", "NewDirtyHive.LOG1", "NewDirtyHive.LOG2"},
                {"OldDirtyHive", "OldDirtyHive", "OldDirtyHive.LOG1", "OldDirtyHive.LOG2"}}) {
            Path source = Corpus.require(YARP + hive[0] + "/" + hive[1]);
            byte[][] files = {Files.readAllBytes(source), Files.readAllBytes(source.resolveSibling(hive[2])),
                    Files.readAllBytes(source.resolveSibling(hive[3]))};
            for (int round = 0; round < 80; round++) {
                byte[][] damaged = {files[0].clone(), files[1].clone(), files[2].clone()};
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    int which = random.nextInt(3);
                    byte[] target = damaged[which];
                    if (target.length == 0) {
                        continue;
                    }
                    int limit = which == 0 ? 4096 : target.length;
                    target[random.nextInt(limit)] ^= (byte) (1 << random.nextInt(8));
                }
                Path primary = Files.write(dir.resolve(hive[1]), damaged[0]);
                Files.write(dir.resolve(hive[2]), damaged[1]);
                Files.write(dir.resolve(hive[3]), damaged[2]);
                open(primary, hive[0] + " round " + round);
            }
        }
    }

    private static void open(Path primary, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (RegfOptions options : new RegfOptions[] {RegfOptions.STRICT, RegfOptions.LENIENT}) {
                try (RegfHive hive = RegfHive.open(primary, options)) {
                    RegfExport.export(hive.rootKey(), "X");
                } catch (FormatException expected) {
                    // damaged beyond recovery, in a typed way
                } catch (RuntimeException e) {
                    throw new AssertionError(what + ": " + e, e);
                }
            }
        });
    }
}
