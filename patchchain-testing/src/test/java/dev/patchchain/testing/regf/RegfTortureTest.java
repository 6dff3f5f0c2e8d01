package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;
import dev.patchchain.testing.Seeds;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Truncations and bit flips of builder hives: every outcome is a full walk that succeeds or a
 * {@link FormatException}; nothing else is thrown and nothing hangs. Strict and lenient mode both run.
 */
class RegfTortureTest {

    private static final int HBIN = 4096;
    private static final int BASE = 4096;

    private static byte[] hive() {
        RegfBuilder b = RegfHiveTest.sample(RegfBuilder.ListKind.RI, 5)
                .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7,
                        RegfHiveTest.utf16("\\??\\C:\\a.tmp\0"));
        return b.build();
    }

    @Test
    void everyTruncationFailsTypedOrReads() {
        byte[] hive = hive();
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int bin = 0; bin <= hive.length; bin += HBIN) {
            for (int d = -8; d <= 40; d++) {
                cuts.add(Math.max(0, Math.min(hive.length, bin + d)));
            }
        }
        for (int at = 0; at < hive.length; at += 61) {
            cuts.add(at);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut : cuts) {
                byte[] truncated = Arrays.copyOf(hive, cut);
                walk(truncated, "cut at " + cut);
                if (cut > BASE + HBIN) {
                    // Also declare the shorter size, so strict mode reads on into the damage.
                    byte[] declared = truncated.clone();
                    int size = (cut - BASE) / HBIN * HBIN;
                    for (int i = 0; i < 4; i++) {
                        declared[40 + i] = (byte) (size >>> (8 * i));
                    }
                    RegfHiveTest.fixChecksum(declared);
                    walk(declared, "cut at " + cut + ", size fixed");
                }
            }
        });
        System.out.println("[torture] " + cuts.size() + " truncations of a " + hive.length + "-byte hive");
    }

    @Test
    void bitFlipsFailTypedOrRead() {
        byte[] hive = hive();
        Random random = Seeds.random("regf bit flips");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int round = 0; round < 4000; round++) {
                byte[] flipped = hive.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(10) == 0 ? random.nextInt(512) : BASE + random.nextInt(hive.length - BASE);
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                }
                if (random.nextBoolean()) {
                    RegfHiveTest.fixChecksum(flipped);
                }
                outcomes[walk(flipped, "round " + round) ? 0 : 1]++;
            }
        });
        System.out.println("[torture] 4000 bit-flip rounds: " + outcomes[0] + " read strictly, " + outcomes[1]
                + " rejected strictly (FormatException)");
        assertThat(outcomes[1]).isPositive();
    }

    /** @return true if strict mode read it all */
    private static boolean walk(byte[] bytes, String what) {
        boolean strictOk = false;
        for (RegfOptions options : new RegfOptions[] {RegfOptions.STRICT, RegfOptions.LENIENT}) {
            try {
                RegfHive hive = RegfHive.read(bytes, what, options);
                RegfExport.export(hive.rootKey(), "X");
                hive.key("ControlSet001\\Control\\Session Manager");
                SystemHiveQueue.allControlSets(hive, PathContext.DEFAULT);
                strictOk |= !options.lenient();
            } catch (FormatException expected) {
                assertThat(expected.getMessage()).as(what).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError(what + " (" + (options.lenient() ? "lenient" : "strict") + "): " + e, e);
            }
        }
        return strictOk;
    }
}
