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
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every status appears in one test and goes away in the next one. */
class VerifierTest {

    private static final String DLL = "C:\\Windows\\System32\\x.dll";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\x.dll";
    private static final UpdateId KB1 = UpdateId.parse("KB1");
    private static final UpdateId KB2 = UpdateId.parse("KB2");

    private final InMemoryVolume volume = new InMemoryVolume();

    private void file(String path, String version) {
        volume.putFile(WinPath.parse(path), FileFacts.versioned(100, FileVersion.parse(version)));
    }

    private static UpdateCatalog catalog(String version) {
        return new UpdateCatalog(List.of(update(KB1, List.of(), version)));
    }

    private static CatalogUpdate update(UpdateId id, List<UpdateId> supersedes, String version) {
        return new CatalogUpdate(id, "", supersedes, List.of(new ExpectedFile(WinPath.parse(DLL),
                Optional.ofNullable(version).map(FileVersion::parse), Optional.empty())));
    }

    private VerifyStatus status(UpdateCatalog catalog, PendingQueue queue, VolumeState on) {
        return report(catalog, queue, on, HotfixInventory.EMPTY).updates().get(0).status();
    }

    private static VerifyReport report(UpdateCatalog catalog, PendingQueue queue, VolumeState on, HotfixInventory inv) {
        BootResult boot = new BootSimulator(BootRules.WINDOWS).run(queue, on);
        return Verifier.verify(inv, catalog, on, boot);
    }

    private VerifyStatus status(String expected, PendingQueue queue) {
        return status(catalog(expected), queue, volume);
    }

    private static PendingQueue replace(String source, String target) {
        return Queues.of("\\??\\" + source, "!\\??\\" + target);
    }

    @Test
    void currentWhenTheVersionOnDiskIsTheExpectedOneOrNewer() {
        file(DLL, "6.1.7601.23403");
        assertThat(status("6.1.7601.23403", PendingQueue.empty())).isEqualTo(VerifyStatus.CURRENT);
        assertThat(status("6.1.7601.17514", PendingQueue.empty())).isEqualTo(VerifyStatus.CURRENT);
        assertThat(status("6.1.7601.23404", PendingQueue.empty())).isNotEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void regressedWhenAnOlderVersionIsOnDiskAndNothingIsQueued() {
        file(DLL, "6.1.7601.17514");
        VerifyReport report = report(catalog("6.1.7601.23403"), PendingQueue.empty(), volume, HotfixInventory.EMPTY);
        FileCheck check = report.updates().get(0).files().get(0);
        assertThat(check.status()).isEqualTo(VerifyStatus.REGRESSED);
        assertThat(check.detail()).isEqualTo(
                "file version mismatch: C:\\Windows\\System32\\x.dll expected 6.1.7601.23403, found 6.1.7601.17514");
        assertThat(report.hasRegression()).isTrue();
    }

    @Test
    void currentAfterRebootWhenTheQueueInstallsTheExpectedVersion() {
        file(DLL, "6.1.7601.17514");
        file(STAGED, "6.1.7601.23403");
        VerifyReport report = report(catalog("6.1.7601.23403"), replace(STAGED, DLL), volume, HotfixInventory.EMPTY);
        FileCheck check = report.updates().get(0).files().get(0);
        assertThat(check.status()).isEqualTo(VerifyStatus.CURRENT_AFTER_REBOOT);
        assertThat(check.cause()).hasValueSatisfying(c -> assertThat(c.index()).isZero());
        assertThat(check.detail()).contains("after reboot 6.1.7601.23403 (queue entry #0: APPLIED)");
        assertThat(report.hasRegression()).isFalse();
    }

    @Test
    void currentAfterRebootGoesAwayWhenTheQueuedRenameIsRefused() {
        file(DLL, "6.1.7601.17514");
        file(STAGED, "6.1.7601.23403");
        PendingQueue noReplace = Queues.of("\\??\\" + STAGED, "\\??\\" + DLL);
        assertThat(status("6.1.7601.23403", noReplace)).isEqualTo(VerifyStatus.REGRESSED);
    }

    @Test
    void regressesAfterRebootWhenTheQueueBringsAnOlderVersion() {
        file(DLL, "6.1.7601.23403");
        file(STAGED, "6.1.7601.17514");
        assertThat(status("6.1.7601.23403", replace(STAGED, DLL))).isEqualTo(VerifyStatus.REGRESSES_AFTER_REBOOT);
    }

    @Test
    void regressesAfterRebootWhenTheQueueDeletesTheFile() {
        file(DLL, "6.1.7601.23403");
        assertThat(status("6.1.7601.23403", Queues.of("\\??\\" + DLL, ""))).isEqualTo(VerifyStatus.REGRESSES_AFTER_REBOOT);
    }

    @Test
    void regressesAfterRebootGoesAwayWhenTheQueuedFileIsNewer() {
        file(DLL, "6.1.7601.23403");
        file(STAGED, "6.1.7601.23500");
        assertThat(status("6.1.7601.23403", replace(STAGED, DLL))).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void missingWhenTheFileIsAbsentNowAndAfter() {
        volume.putDirectory(WinPath.parse("C:\\Windows\\System32"));
        assertThat(status("1.0", PendingQueue.empty())).isEqualTo(VerifyStatus.MISSING);
        file(DLL, "1.0");
        assertThat(status("1.0", PendingQueue.empty())).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void unverifiableWithoutAnImageOrAVersion() {
        assertThat(status(catalog("1.0"), PendingQueue.empty(), VolumeState.UNKNOWN)).isEqualTo(VerifyStatus.UNVERIFIABLE);
        file(DLL, "1.0");
        assertThat(status(catalog(null), PendingQueue.empty(), volume)).isEqualTo(VerifyStatus.UNVERIFIABLE);
        volume.putFile(WinPath.parse(DLL), FileFacts.unversioned(10, "no VERSIONINFO resource"));
        assertThat(status("1.0", PendingQueue.empty())).isEqualTo(VerifyStatus.UNVERIFIABLE);
        file(DLL, "1.0");
        assertThat(status("1.0", PendingQueue.empty())).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void unverifiableWhenTheInstalledUpdateIsNotCatalogued() {
        file(DLL, "1.0");
        HotfixInventory inv = HotfixInventory.of(Optional.of("HOST"),
                List.of(InstalledUpdate.of(UpdateId.parse("KB9"), "test"), InstalledUpdate.of(KB1, "test")), List.of());
        VerifyReport report = report(catalog("1.0"), PendingQueue.empty(), volume, inv);
        assertThat(report.updates()).extracting(UpdateCheck::status)
                .containsExactly(VerifyStatus.UNVERIFIABLE, VerifyStatus.CURRENT);
        assertThat(report.host()).contains("HOST");
    }

    @Test
    void supersededWhenAnInstalledUpdateReplacesIt() {
        file(DLL, "6.1.7601.17600");
        UpdateCatalog catalog = new UpdateCatalog(List.of(update(KB1, List.of(), "6.1.7601.23403"),
                update(KB2, List.of(KB1), "6.1.7601.17600")));
        HotfixInventory both = HotfixInventory.of(Optional.empty(),
                List.of(InstalledUpdate.of(KB1, "test"), InstalledUpdate.of(KB2, "test")), List.of());
        VerifyReport report = report(catalog, PendingQueue.empty(), volume, both);
        assertThat(report.updates()).extracting(UpdateCheck::status)
                .containsExactly(VerifyStatus.SUPERSEDED, VerifyStatus.CURRENT);
        assertThat(report.updates().get(0).files().get(0).status()).isEqualTo(VerifyStatus.SUPERSEDED);
        assertThat(report.hasRegression()).isFalse();

        HotfixInventory onlyKb1 = HotfixInventory.of(Optional.empty(), List.of(InstalledUpdate.of(KB1, "test")), List.of());
        assertThat(report(catalog, PendingQueue.empty(), volume, onlyKb1).updates().get(0).status())
                .isEqualTo(VerifyStatus.REGRESSED);
    }

    @Test
    void supersedenceIsTransitiveAndToleratesCycles() {
        UpdateId kb3 = UpdateId.parse("KB3");
        UpdateCatalog catalog = new UpdateCatalog(List.of(update(KB1, List.of(kb3), "1.0"),
                update(KB2, List.of(KB1), "1.0"), update(kb3, List.of(KB2), "1.0")));
        assertThat(catalog.supersededBy(KB1)).containsExactly(KB2, kb3);
    }

    @Test
    void updateIdsAreCanonical() {
        assertThat(UpdateId.parse("943729")).isEqualTo(UpdateId.parse("kb0943729"));
        assertThat(UpdateId.parse("q147222").value()).isEqualTo("Q147222");
        assertThat(UpdateId.parse("File 1").isKb()).isFalse();
    }
}
