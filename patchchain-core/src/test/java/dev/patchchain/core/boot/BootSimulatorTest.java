package dev.patchchain.core.boot;

import static dev.patchchain.core.boot.OutcomeStatus.ACCESS_DENIED;
import static dev.patchchain.core.boot.OutcomeStatus.APPLIED;
import static dev.patchchain.core.boot.OutcomeStatus.BAD_PATH_SYNTAX;
import static dev.patchchain.core.boot.OutcomeStatus.DIRECTORY_NOT_EMPTY;
import static dev.patchchain.core.boot.OutcomeStatus.NOT_PROCESSED;
import static dev.patchchain.core.boot.OutcomeStatus.NOT_SAME_DEVICE;
import static dev.patchchain.core.boot.OutcomeStatus.PATH_NOT_FOUND;
import static dev.patchchain.core.boot.OutcomeStatus.SOURCE_MISSING;
import static dev.patchchain.core.boot.OutcomeStatus.TARGET_EXISTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootSimulatorTest {

    private static final WinPath FILE_A = WinPath.parse("C:\\Windows\\System32\\file_a.dll");

    private final InMemoryVolume volume = new InMemoryVolume();

    private static FileFacts v(String version) {
        return FileFacts.versioned(100, FileVersion.parse(version));
    }

    private InMemoryVolume file(String path, String version) {
        return volume.putFile(WinPath.parse(path), v(version));
    }

    private List<OutcomeStatus> run(BootRules rules, PendingQueue queue) {
        return new BootSimulator(rules).run(queue, volume).outcomes().stream().map(OperationOutcome::status).toList();
    }

    private BootResult run(PendingQueue queue) {
        return new BootSimulator(BootRules.WINDOWS).run(queue, volume);
    }

    private static FileVersion versionAt(VolumeState state, WinPath path) {
        return ((PathState.File) state.stat(path)).facts().version().orElseThrow();
    }

    @Test
    void theSeedScenarioEndsWithTheOlderFile() {
        file("C:\\Windows\\System32\\file_a.dll", "0.1");
        file("C:\\Windows\\Temp\\fix1.tmp", "0.3");
        file("C:\\Windows\\Temp\\fix2.tmp", "0.2");
        BootResult result = run(Queues.of(
                "\\??\\C:\\Windows\\Temp\\fix1.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2.tmp", "!\\??\\C:\\Windows\\System32\\file_a.dll"));
        assertThat(result.outcomes()).extracting(OperationOutcome::status).containsExactly(APPLIED, APPLIED);
        assertThat(versionAt(result.after(), FILE_A)).isEqualTo(FileVersion.parse("0.2"));
        assertThat(result.outcomes().get(1).replaced()).contains(v("0.3"));
        assertThat(result.after().stat(WinPath.parse("C:\\Windows\\Temp\\fix1.tmp"))).isEqualTo(PathState.ABSENT);
        assertThat(versionAt(volume, FILE_A)).as("the volume before is untouched").isEqualTo(FileVersion.parse("0.1"));
    }

    @Test
    void renameWithoutReplaceFailsWhenTheTargetExists() {
        file("C:\\Windows\\System32\\file_a.dll", "0.1");
        file("C:\\Windows\\Temp\\fix1.tmp", "0.3");
        BootResult result = run(Queues.of("\\??\\C:\\Windows\\Temp\\fix1.tmp", "\\??\\C:\\Windows\\System32\\file_a.dll"));
        assertThat(result.outcomes().get(0).status()).isEqualTo(TARGET_EXISTS);
        assertThat(TARGET_EXISTS.ntStatus()).isEqualTo(0xC0000035L);
        assertThat(result.outcomes().get(0).moved()).contains(v("0.3"));
        assertThat(versionAt(result.after(), FILE_A)).isEqualTo(FileVersion.parse("0.1"));
        assertThat(result.after().stat(WinPath.parse("C:\\Windows\\Temp\\fix1.tmp")).exists()).isTrue();
    }

    @Test
    void missingSourcesAndDirectories() {
        volume.putDirectory(WinPath.parse("C:\\stage"));
        assertThat(run(BootRules.WINDOWS, Queues.of(
                "\\??\\C:\\stage\\gone.tmp", "\\??\\C:\\x.dll",
                "\\??\\C:\\nodir\\gone.tmp", "\\??\\C:\\x.dll",
                "\\??\\C:\\stage\\gone.tmp", "")))
                .containsExactly(SOURCE_MISSING, PATH_NOT_FOUND, SOURCE_MISSING);
    }

    @Test
    void targetDirectoryMustExist() {
        file("C:\\stage\\a.tmp", "1.0");
        assertThat(run(BootRules.WINDOWS, Queues.of("\\??\\C:\\stage\\a.tmp", "\\??\\C:\\nowhere\\a.dll")))
                .containsExactly(PATH_NOT_FOUND);
    }

    @Test
    void deletesFilesAndOnlyEmptyDirectories() {
        file("C:\\Temp\\nsp9C0.tmp\\nsProcess.dll", "1.0");
        file("C:\\Temp\\full\\keep.txt", "1.0");
        BootResult result = run(Queues.of(
                "\\??\\C:\\Temp\\full\\", "",
                "\\??\\C:\\Temp\\nsp9C0.tmp\\nsProcess.dll", "",
                "\\??\\C:\\Temp\\nsp9C0.tmp\\", ""));
        assertThat(result.outcomes()).extracting(OperationOutcome::status)
                .containsExactly(DIRECTORY_NOT_EMPTY, APPLIED, APPLIED);
        assertThat(result.after().stat(WinPath.parse("C:\\Temp\\nsp9C0.tmp"))).isEqualTo(PathState.ABSENT);
        assertThat(result.after().list(WinPath.parse("C:\\Temp"))).containsExactly("full");
    }

    @Test
    void replaceCannotOverwriteADirectoryAndCannotCrossVolumes() {
        file("C:\\stage\\a.tmp", "1.0");
        volume.putDirectory(WinPath.parse("C:\\target"));
        assertThat(run(BootRules.WINDOWS, Queues.of(
                "\\??\\C:\\stage\\a.tmp", "!\\??\\C:\\target",
                "\\??\\C:\\stage\\a.tmp", "!\\??\\D:\\a.dll")))
                .containsExactly(ACCESS_DENIED, NOT_SAME_DEVICE);
    }

    @Test
    void renamingADirectoryMovesItsContents() {
        file("C:\\old\\sub\\f.dll", "2.0");
        BootResult result = run(Queues.of(
                "\\??\\C:\\old", "\\??\\C:\\new",
                "\\??\\C:\\new\\sub\\f.dll", "\\??\\C:\\f.dll",
                "\\??\\C:\\new\\sub", "",
                "\\??\\C:\\new", ""));
        assertThat(result.outcomes()).extracting(OperationOutcome::status).containsOnly(APPLIED);
        assertThat(versionAt(result.after(), WinPath.parse("C:\\f.dll"))).isEqualTo(FileVersion.parse("2.0"));
        assertThat(result.after().stat(WinPath.parse("C:\\old\\sub\\f.dll"))).isEqualTo(PathState.ABSENT);
        assertThat(result.after().stat(WinPath.parse("C:\\new"))).isEqualTo(PathState.ABSENT);
        assertThat(result.after().list(WinPath.parse("C:\\"))).containsExactly("f.dll");
    }

    @Test
    void aDirectoryCannotMoveIntoItself() {
        volume.putDirectory(WinPath.parse("C:\\d"));
        assertThat(run(BootRules.WINDOWS, Queues.of("\\??\\C:\\d", "\\??\\C:\\d\\inner"))).containsExactly(ACCESS_DENIED);
    }

    @Test
    void windowsCannotOpenDosPathsButWineCan() {
        file("C:\\stage\\a.tmp", "1.0");
        PendingQueue queue = Queues.of("C:\\stage\\a.tmp", "C:\\a.dll");
        assertThat(run(BootRules.WINDOWS, queue)).containsExactly(BAD_PATH_SYNTAX);
        assertThat(run(BootRules.WINE, queue)).containsExactly(APPLIED);
    }

    @Test
    void systemRootPathsOpenOnWindows() {
        file("C:\\Windows\\a.tmp", "1.0");
        assertThat(run(BootRules.WINDOWS, Queues.of("\\SystemRoot\\a.tmp", ""))).containsExactly(APPLIED);
    }

    @Test
    void wineIgnoresTheSecondValueAndTheSourceMarkers() {
        file("C:\\a.tmp", "1.0");
        file("C:\\b.tmp", "1.0");
        PendingQueue queue = Queues.of(List.of("*1\\??\\C:\\a.tmp", ""), List.of("\\??\\C:\\b.tmp", ""));
        assertThat(run(BootRules.WINDOWS, queue)).containsExactly(APPLIED, APPLIED);
        assertThat(run(BootRules.WINE, queue)).containsExactly(BAD_PATH_SYNTAX, NOT_PROCESSED);
    }

    @Test
    void anAtBeforeTheTargetReplacesOnWindowsAndFailsOnWine() {
        file("C:\\a.tmp", "0.2");
        file("C:\\a.dll", "0.1");
        file("C:\\b.tmp", "0.2");
        PendingQueue queue = Queues.of("\\??\\C:\\a.tmp", "@\\??\\C:\\a.dll", "\\??\\C:\\b.tmp", "@\\??\\C:\\b.dll");
        assertThat(run(BootRules.WINDOWS, queue)).containsExactly(APPLIED, APPLIED);
        // Wine oracle (WineQueueEdgesOracleTest): wineboot strips only '!', so "@\??\C:\..." is no path it can open
        assertThat(run(BootRules.WINE, queue)).containsExactly(BAD_PATH_SYNTAX, BAD_PATH_SYNTAX);
    }

    @Test
    void unparseableEntriesAreNotProcessed() {
        assertThat(run(BootRules.WINDOWS, Queues.of("*x\\??\\C:\\a", ""))).containsExactly(NOT_PROCESSED);
    }

    @Test
    void withoutAVolumeSourcesAreAssumedPresent() {
        BootResult result = new BootSimulator(BootRules.WINDOWS).run(Queues.of(
                "\\??\\C:\\stage\\a.tmp", "\\??\\C:\\Windows\\a.dll",
                "\\??\\C:\\stage\\b.tmp", "!\\??\\C:\\Windows\\a.dll"), VolumeState.UNKNOWN);
        assertThat(result.outcomes()).extracting(OperationOutcome::status).containsExactly(APPLIED, APPLIED);
        assertThat(result.outcomes()).allMatch(OperationOutcome::assumed);
        assertThat(result.after().stat(WinPath.parse("C:\\stage\\a.tmp"))).isEqualTo(PathState.ABSENT);
    }

    @Test
    void renameOntoItselfIsANoOp() {
        file("C:\\a.dll", "1.0");
        BootResult result = run(Queues.of("\\??\\C:\\a.dll", "\\??\\C:\\A.DLL"));
        assertThat(result.outcomes().get(0).status()).isEqualTo(APPLIED);
        assertThat(result.after().stat(WinPath.parse("C:\\a.dll")).exists()).isTrue();
    }
}
