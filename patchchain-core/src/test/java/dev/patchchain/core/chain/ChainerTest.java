package dev.patchchain.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.analysis.FindingCode;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChainerTest {

    private static final WinPath FILE_A = WinPath.parse("C:\\Windows\\System32\\file_a.dll");
    private final InMemoryVolume volume = new InMemoryVolume();
    private final Chainer chainer = new Chainer(BootRules.WINDOWS);

    private void file(String path, String version) {
        volume.putFile(WinPath.parse(path), FileFacts.versioned(100, FileVersion.parse(version)));
    }

    private FileVersion afterBoot(PendingQueue queue, WinPath path) {
        VolumeState after = QueueAnalysis.analyze(queue, volume, BootRules.WINDOWS).boot().after();
        return ((PathState.File) after.stat(path)).facts().version().orElseThrow();
    }

    @Test
    void theSeedScenarioIsChainedSoTheNewestWins() {
        file("C:\\Windows\\System32\\file_a.dll", "0.1");
        file("C:\\Windows\\Temp\\fix1.tmp", "0.3");
        file("C:\\Windows\\Temp\\fix2.tmp", "0.2");
        PendingQueue queue = Queues.of(
                "\\??\\C:\\Windows\\Temp\\fix1.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll");
        ChainResult result = chainer.chain(queue, volume);

        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualTo(1);
            assertThat(c.after()).isInstanceOf(PendingOperation.Delete.class);
            assertThat(c.reason()).contains("op #0 (0.3.0.0)");
        });
        assertThat(result.chained().strings(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).containsExactly(
                "\\??\\C:\\Windows\\Temp\\fix1.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2.tmp", "", "");
        assertThat(afterBoot(queue, FILE_A)).isEqualTo(FileVersion.parse("0.2"));
        assertThat(afterBoot(result.chained(), FILE_A)).isEqualTo(FileVersion.parse("0.3"));
        assertThat(QueueAnalysis.analyze(result.chained(), volume, BootRules.WINDOWS).findings(FindingCode.DOWNGRADE)).isEmpty();
        VolumeState after = QueueAnalysis.analyze(result.chained(), volume, BootRules.WINDOWS).boot().after();
        assertThat(after.stat(WinPath.parse("C:\\Windows\\Temp\\fix2.tmp"))).as("no temp file left").isEqualTo(PathState.ABSENT);
    }

    @Test
    void chainingIsIdempotentAndNeverLonger() {
        file("C:\\Windows\\System32\\file_a.dll", "0.1");
        file("C:\\Windows\\Temp\\fix1.tmp", "0.3");
        file("C:\\Windows\\Temp\\fix2.tmp", "0.2");
        PendingQueue queue = Queues.of(
                "\\??\\C:\\Windows\\Temp\\fix1.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll");
        PendingQueue once = chainer.chain(queue, volume).chained();
        ChainResult twice = chainer.chain(once, volume);
        assertThat(twice.changed()).isFalse();
        assertThat(twice.chained()).isEqualTo(once);
        assertThat(once.operations()).hasSizeLessThanOrEqualTo(queue.operations().size());
    }

    @Test
    void theWinnerGetsAReplaceMarkerWhenTheTargetExists() {
        file("C:\\app\\x.dll", "1.0");
        file("C:\\stage\\new.tmp", "3.0");
        file("C:\\stage\\mid.tmp", "2.0");
        PendingQueue queue = Queues.of(
                "\\??\\C:\\stage\\new.tmp", "\\??\\C:\\app\\x.dll",
                "\\??\\C:\\stage\\mid.tmp", "!\\??\\C:\\app\\x.dll");
        ChainResult result = chainer.chain(queue, volume);
        assertThat(result.changes()).hasSize(2);
        PendingOperation.Rename winner = (PendingOperation.Rename) result.chained().operations().get(0);
        assertThat(winner.rawTarget()).isEqualTo("!\\??\\C:\\app\\x.dll");
        assertThat(afterBoot(result.chained(), WinPath.parse("C:\\app\\x.dll"))).isEqualTo(FileVersion.parse("3.0"));
    }

    @Test
    void aNewerFileOnDiskIsKeptAndStagedOlderOnesDeleted() {
        file("C:\\app\\x.dll", "5.0");
        file("C:\\stage\\old.tmp", "4.0");
        ChainResult result = chainer.chain(Queues.of("\\??\\C:\\stage\\old.tmp", "!\\??\\C:\\app\\x.dll"), volume);
        assertThat(result.changes()).singleElement().satisfies(c -> assertThat(c.reason()).contains("on disk now (5.0.0.0)"));
        assertThat(afterBoot(result.chained(), WinPath.parse("C:\\app\\x.dll"))).isEqualTo(FileVersion.parse("5.0"));
    }

    @Test
    void aTieGoesToTheLaterRename() {
        file("C:\\stage\\a.tmp", "1.0");
        file("C:\\stage\\b.tmp", "1.0");
        ChainResult result = chainer.chain(Queues.of(
                "\\??\\C:\\stage\\a.tmp", "\\??\\C:\\x.dll",
                "\\??\\C:\\stage\\b.tmp", "!\\??\\C:\\x.dll"), volume);
        assertThat(result.changes()).singleElement().satisfies(c -> assertThat(c.index()).isEqualTo(0));
    }

    @Test
    void unrelatedEntriesKeepTheirExactStringsAndPlace() {
        file("C:\\stage\\a.tmp", "2.0");
        file("C:\\stage\\b.tmp", "1.0");
        file("C:\\misc.log", "1.0");
        PendingQueue queue = Queues.of(
                "\\??\\C:\\misc.log", "",
                "*1\\??\\C:\\stage\\a.tmp", "\\??\\C:\\x.dll",
                "\\??\\C:\\MISC.LOG.tmp", "",
                "*1\\??\\C:\\stage\\b.tmp", "!\\??\\C:\\x.dll");
        ChainResult result = chainer.chain(queue, volume);
        assertThat(result.chained().strings(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).containsExactly(
                "\\??\\C:\\misc.log", "",
                "*1\\??\\C:\\stage\\a.tmp", "\\??\\C:\\x.dll",
                "\\??\\C:\\MISC.LOG.tmp", "",
                "*1\\??\\C:\\stage\\b.tmp", "", "");
    }

    @Test
    void unknownVersionsAndNoImageAreSkippedWithAReason() {
        volume.putFile(WinPath.parse("C:\\stage\\a.tmp"), FileFacts.unversioned(10, "no VERSIONINFO resource"));
        file("C:\\stage\\b.tmp", "1.0");
        PendingQueue queue = Queues.of(
                "\\??\\C:\\stage\\a.tmp", "\\??\\C:\\x.dat",
                "\\??\\C:\\stage\\b.tmp", "!\\??\\C:\\x.dat");
        ChainResult result = chainer.chain(queue, volume);
        assertThat(result.changed()).isFalse();
        assertThat(result.chained()).isSameAs(queue);
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no known version"));
        ChainResult blind = chainer.chain(queue, VolumeState.UNKNOWN);
        assertThat(blind.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no image"));
    }

    @Test
    void anUntouchedQueueKeepsItsOriginalBytes() {
        byte[] bytes = "\\??\\C:\\a\0\0\0\0\0".getBytes(StandardCharsets.UTF_16LE);
        PendingQueue queue = PendingQueue.decode(bytes, null, dev.patchchain.core.path.PathContext.DEFAULT);
        assertThat(chainer.chain(queue, volume).chained().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValue(bytes);
    }
}
