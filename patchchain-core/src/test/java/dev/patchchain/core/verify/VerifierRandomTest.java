package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random disks and queues around one expected file; the verdict must agree with what is at the path before and
 * after the simulated boot, read independently of the Verifier's own judging.
 */
class VerifierRandomTest {

    private static final WinPath TARGET = WinPath.parse("C:\\Windows\\System32\\x.dll");
    private static final FileVersion EXPECTED = FileVersion.parse("6.1.7601.200");

    @Test
    void verdictsAgreeWithTheDiskBeforeAndAfterTheBoot() {
        long seed = new Random().nextLong();
        System.out.println("VerifierRandomTest seed " + seed);
        Random random = new Random(seed);
        Set<VerifyStatus> seen = EnumSet.noneOf(VerifyStatus.class);
        for (int i = 0; i < 2000; i++) {
            InMemoryVolume volume = new InMemoryVolume();
            volume.putDirectory(TARGET.parent());
            maybeFile(random, volume, TARGET);
            List<String> strings = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                WinPath staged = WinPath.parse("C:\\Windows\\Temp\\s" + n + ".dll");
                maybeFile(random, volume, staged);
                strings.add("\\??\\" + staged);
                strings.add(random.nextInt(5) == 0 ? "" : (random.nextBoolean() ? "!" : "") + "\\??\\" + TARGET);
            }
            PendingQueue queue = strings.isEmpty() ? PendingQueue.empty() : Queues.of(strings.toArray(String[]::new));
            BootResult boot = new BootSimulator(BootRules.WINDOWS).run(queue, volume);
            UpdateCatalog catalog = new UpdateCatalog(List.of(new CatalogUpdate(UpdateId.parse("KB1"), "", List.of(),
                    List.of(new ExpectedFile(TARGET, Optional.of(EXPECTED), Optional.empty())))));
            VerifyReport report = Verifier.verify(HotfixInventory.EMPTY, catalog, volume, boot);
            FileCheck check = report.updates().get(0).files().get(0);
            String where = "seed " + seed + ", case " + i + ", queue " + strings;
            assertThat(check.status()).as(where).isEqualTo(oracle(volume.stat(TARGET), boot.after().stat(TARGET)));
            assertThat(report.hasRegression()).as(where).isEqualTo(check.status().isRegression());
            if (strings.isEmpty()) {
                assertThat(check.cause()).as(where).isEmpty();
            }
            seen.add(check.status());
        }
        assertThat(seen).as("seed " + seed).contains(VerifyStatus.CURRENT, VerifyStatus.CURRENT_AFTER_REBOOT,
                VerifyStatus.REGRESSED, VerifyStatus.REGRESSES_AFTER_REBOOT, VerifyStatus.MISSING);
    }

    private static void maybeFile(Random random, InMemoryVolume volume, WinPath path) {
        switch (random.nextInt(4)) {
            case 0 -> volume.putFile(path, FileFacts.versioned(1, FileVersion.parse("6.1.7601.100")));
            case 1 -> volume.putFile(path, FileFacts.versioned(1, EXPECTED));
            case 2 -> volume.putFile(path, FileFacts.versioned(1, FileVersion.parse("6.1.7601.300")));
            default -> { }
        }
    }

    /** The table of docs/verify.md, written out. */
    private static VerifyStatus oracle(PathState now, PathState after) {
        int n = rank(now);
        int a = rank(after);
        if (a == 2) {
            return n == 2 ? VerifyStatus.CURRENT : VerifyStatus.CURRENT_AFTER_REBOOT;
        }
        if (n == 2) {
            return VerifyStatus.REGRESSES_AFTER_REBOOT;
        }
        return n == 1 || a == 1 ? VerifyStatus.REGRESSED : VerifyStatus.MISSING;
    }

    /** 0 absent, 1 older, 2 expected or newer. */
    private static int rank(PathState state) {
        if (!(state instanceof PathState.File f)) {
            return 0;
        }
        return f.facts().version().orElseThrow().isOlderThan(EXPECTED) ? 1 : 2;
    }
}
