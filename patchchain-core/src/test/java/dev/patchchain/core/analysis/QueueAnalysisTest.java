package dev.patchchain.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import org.junit.jupiter.api.Test;

class QueueAnalysisTest {

    private final InMemoryVolume volume = new InMemoryVolume();

    private void file(String path, String version) {
        volume.putFile(WinPath.parse(path), FileFacts.versioned(100, FileVersion.parse(version)));
    }

    private AnalysisResult analyze(PendingQueue queue) {
        return QueueAnalysis.analyze(queue, volume, BootRules.WINDOWS);
    }

    @Test
    void theSeedScenarioIsADowngradeAndALostUpdate() {
        file("C:\\Windows\\System32\\file_a.dll", "0.1");
        file("C:\\Windows\\Temp\\fix1.tmp", "0.3");
        file("C:\\Windows\\Temp\\fix2.tmp", "0.2");
        AnalysisResult result = analyze(Queues.of(
                "\\??\\C:\\Windows\\Temp\\fix1.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll"));
        Finding downgrade = result.findings(FindingCode.DOWNGRADE).get(0);
        assertThat(downgrade.severity()).isEqualTo(Severity.HIGH);
        assertThat(downgrade.paths()).containsExactly(WinPath.parse("C:\\Windows\\System32\\file_a.dll"));
        assertThat(downgrade.operations()).containsExactly(0, 1);
        assertThat(downgrade.evidence()).containsEntry("after_boot", "0.2.0.0").containsEntry("newest", "0.3.0.0")
                .containsEntry("newest_from", "queued by op #0");
        Finding lost = result.findings(FindingCode.LOST_UPDATE).get(0);
        assertThat(lost.operations()).containsExactly(0, 1);
        assertThat(lost.severity()).isEqualTo(Severity.HIGH);
        assertThat(result.hasActionableFindings()).isTrue();
        assertThat(result.findings().get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aQueuedFileOlderThanTheDiskIsADowngradeToo() {
        file("C:\\app\\x.dll", "2.0");
        file("C:\\stage\\x.tmp", "1.5");
        AnalysisResult result = analyze(Queues.of("\\??\\C:\\stage\\x.tmp", "!\\??\\C:\\app\\x.dll"));
        assertThat(result.findings(FindingCode.DOWNGRADE)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("newest_from", "on disk now"));
    }

    @Test
    void newerLaterUpdatesAreCleanButTheEarlierOneIsRedundant() {
        file("C:\\app\\x.dll", "1.0");
        file("C:\\stage\\a.tmp", "1.1");
        file("C:\\stage\\b.tmp", "1.2");
        AnalysisResult result = analyze(Queues.of(
                "\\??\\C:\\stage\\a.tmp", "!\\??\\C:\\app\\x.dll",
                "\\??\\C:\\stage\\b.tmp", "!\\??\\C:\\app\\x.dll"));
        assertThat(result.findings()).extracting(Finding::code).containsExactly(FindingCode.REDUNDANT);
        assertThat(result.hasActionableFindings()).isFalse();
    }

    @Test
    void refusedRenameLeavesAnOrphanAndDowngradesAgainstTheQueuedVersion() {
        file("C:\\app\\x.dll", "1.0");
        file("C:\\stage\\a.tmp", "2.0");
        AnalysisResult result = analyze(Queues.of("\\??\\C:\\stage\\a.tmp", "\\??\\C:\\app\\x.dll"));
        assertThat(result.findings()).extracting(Finding::code).containsExactlyInAnyOrder(
                FindingCode.DOWNGRADE, FindingCode.TARGET_EXISTS_NO_REPLACE, FindingCode.ORPHAN_TEMP);
        assertThat(result.findings(FindingCode.TARGET_EXISTS_NO_REPLACE).get(0).evidence())
                .containsEntry("refused_version", "2.0.0.0").containsEntry("ntstatus", "0xC0000035");
    }

    @Test
    void missingSourcesUnparseableEntriesAndMarkers() {
        volume.putDirectory(WinPath.parse("C:\\stage"));
        file("C:\\Windows\\System32\\game.dll.0", "1.0");
        AnalysisResult result = analyze(Queues.of(
                "\\??\\C:\\stage\\gone.tmp", "!\\??\\C:\\app\\x.dll",
                "\\??\\C:\\stage\\gone2.tmp", "",
                "*x\\??\\C:\\bad", "",
                "*1\\??\\C:\\Windows\\System32\\game.dll.0", ""));
        assertThat(result.findings(FindingCode.MISSING_SOURCE)).extracting(Finding::severity)
                .containsExactly(Severity.MEDIUM, Severity.LOW);
        assertThat(result.findings(FindingCode.UNPARSEABLE)).singleElement()
                .satisfies(f -> assertThat(f.operations()).containsExactly(2));
        assertThat(result.findings(FindingCode.SOURCE_MARKER)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("marker", "*1"));
    }

    @Test
    void aFileMovedAwayAndBackIsACycle() {
        file("C:\\a.dll", "1.0");
        file("C:\\b.dll", "2.0");
        AnalysisResult result = analyze(Queues.of(
                "\\??\\C:\\a.dll", "!\\??\\C:\\b.dll",
                "\\??\\C:\\b.dll", "\\??\\C:\\a.dll"));
        assertThat(result.findings(FindingCode.CYCLE)).singleElement()
                .satisfies(f -> assertThat(f.operations()).containsExactly(0, 1));
    }

    @Test
    void withoutAVolumeTheReportSaysVersionsAreUnknown() {
        AnalysisResult result = QueueAnalysis.analyze(Queues.of("\\??\\C:\\a.tmp", "!\\??\\C:\\a.dll"),
                VolumeState.UNKNOWN, BootRules.WINDOWS);
        assertThat(result.findings()).extracting(Finding::code).containsExactly(FindingCode.VERSIONS_UNKNOWN);
    }
}
