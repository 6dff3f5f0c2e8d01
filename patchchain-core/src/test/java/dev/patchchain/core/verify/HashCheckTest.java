package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Catalog entries with a SHA-256 and no version: the content now, and the content the queue brings. */
class HashCheckTest {

    private static final WinPath DLL = WinPath.parse("C:\\Windows\\System32\\x.dll");
    private static final WinPath STAGE1 = WinPath.parse("C:\\Windows\\Temp\\1.tmp");
    private static final WinPath STAGE2 = WinPath.parse("C:\\Windows\\Temp\\2.tmp");
    private static final String GOOD = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    private final InMemoryVolume volume = new InMemoryVolume();
    private final Map<WinPath, String> hashes = new HashMap<>();

    private void file(WinPath path, String sha256) {
        volume.putFile(path, FileFacts.unversioned(10, "no VERSIONINFO resource"));
        hashes.put(path, sha256);
    }

    private FileCheck check(PendingQueue queue) {
        UpdateCatalog catalog = new UpdateCatalog(List.of(new CatalogUpdate(UpdateId.parse("KB1"), "", List.of(),
                List.of(new ExpectedFile(DLL, Optional.empty(), Optional.of(GOOD))))));
        return Verifier.verify(HotfixInventory.EMPTY, catalog, volume, new BootSimulator(BootRules.WINDOWS).run(queue, volume),
                path -> Optional.ofNullable(hashes.get(path))).updates().get(0).files().get(0);
    }

    @Test
    void matchingContentIsCurrentAndDifferentContentCannotBeOrdered() {
        file(DLL, GOOD);
        assertThat(check(PendingQueue.empty()).status()).isEqualTo(VerifyStatus.CURRENT);
        file(DLL, OTHER);
        FileCheck different = check(PendingQueue.empty());
        assertThat(different.status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
        assertThat(different.detail()).contains("no version to order them");
    }

    @Test
    void theQueuedFileIsTracedBackThroughChainedRenames() {
        file(DLL, OTHER);
        file(STAGE1, GOOD);
        PendingQueue chained = Queues.of("\\??\\" + STAGE1, "\\??\\" + STAGE2, "\\??\\" + STAGE2, "!\\??\\" + DLL);
        assertThat(check(chained).status()).isEqualTo(VerifyStatus.CURRENT_AFTER_REBOOT);
        hashes.put(STAGE1, OTHER);
        assertThat(check(chained).status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
    }

    @Test
    void deletingTheMatchingFileRegressesAfterReboot() {
        file(DLL, GOOD);
        assertThat(check(Queues.of("\\??\\" + DLL, "")).status()).isEqualTo(VerifyStatus.REGRESSES_AFTER_REBOOT);
        assertThat(check(PendingQueue.empty()).status()).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void absentIsMissingAndUnhashableIsUnverifiable() {
        volume.putDirectory(DLL.parent());
        assertThat(check(PendingQueue.empty()).status()).isEqualTo(VerifyStatus.MISSING);
        file(DLL, GOOD);
        hashes.clear();
        assertThat(check(PendingQueue.empty()).status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
    }
}
