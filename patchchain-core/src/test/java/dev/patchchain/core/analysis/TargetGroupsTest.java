package dev.patchchain.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.Queues;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGroupsTest {

    @Test
    void renamesToOneTargetAreGroupedAndSettled() {
        List<TargetGroup> groups = TargetGroups.of(Queues.of(
                "\\??\\C:\\t\\a", "!\\??\\C:\\x.dll",
                "\\??\\C:\\t\\b", "\\??\\C:\\y.dll",
                "\\??\\C:\\t\\c", "!\\??\\C:\\X.DLL",
                "\\??\\C:\\t\\", "").operations());
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).renames()).containsExactly(0, 2);
        assertThat(groups).allMatch(TargetGroup::settled);
    }

    @Test
    void aTargetThatIsMovedOnOrDeletedIsNotSettled() {
        List<TargetGroup> groups = TargetGroups.of(Queues.of(
                "\\??\\C:\\a", "\\??\\C:\\x",
                "\\??\\C:\\x", "\\??\\C:\\y",
                "\\??\\C:\\b", "\\??\\C:\\z",
                "\\??\\C:\\z", "").operations());
        assertThat(groups).extracting(TargetGroup::settled).containsExactly(false, false, false);
        assertThat(groups.get(0).unsettledReason()).contains("renamed away by op #1");
        assertThat(groups.get(1).unsettledReason()).contains("staged file of op #1 is also a rename target of op #0");
        assertThat(groups.get(2).unsettledReason()).contains("deleted by op #3");
    }

    @Test
    void stagedFilesUsedElsewhereOrDirectoriesDeletedEarlyUnsettle() {
        List<TargetGroup> groups = TargetGroups.of(Queues.of(
                "\\??\\C:\\stage\\", "",
                "\\??\\C:\\stage\\a", "\\??\\C:\\x",
                "\\??\\C:\\s2\\b", "\\??\\C:\\y",
                "\\??\\C:\\s2\\b", "\\??\\C:\\w").operations());
        assertThat(groups.get(0).unsettledReason()).contains("C:\\stage").contains("deleted by op #0");
        assertThat(groups.get(1).unsettledReason()).contains("staged file of op #2");
    }
}
