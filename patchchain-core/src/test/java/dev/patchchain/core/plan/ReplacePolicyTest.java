package dev.patchchain.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplacePolicyTest {

    private static final FileVersion V1 = FileVersion.parse("0.1");
    private static final FileVersion V2 = FileVersion.parse("0.2");
    private static final FileVersion V3 = FileVersion.parse("0.3");

    private static PathState file(FileVersion v) {
        return PathState.file(FileFacts.versioned(1, v));
    }

    @Test
    void diskOnlyIgnoresTheQueue() {
        assertThat(ReplacePolicy.DISK_ONLY.replaces(V2, file(V1), List.of(V3))).isTrue();
        assertThat(ReplacePolicy.DISK_ONLY.replaces(V2, file(V2), List.of())).isFalse();
        assertThat(ReplacePolicy.DISK_ONLY.replaces(V2, PathState.ABSENT, List.of())).isTrue();
        assertThat(ReplacePolicy.DISK_ONLY.replaces(V2, PathState.UNKNOWN, List.of())).isTrue();
        assertThat(ReplacePolicy.DISK_ONLY.replaces(V2, PathState.file(FileFacts.unversioned(1, "none")), List.of())).isTrue();
    }

    @Test
    void diskAndQueueYieldsToANewerOrEqualQueuedVersion() {
        assertThat(ReplacePolicy.DISK_AND_QUEUE.replaces(V2, file(V1), List.of(V3))).isFalse();
        assertThat(ReplacePolicy.DISK_AND_QUEUE.replaces(V2, file(V1), List.of(V2))).isFalse();
        assertThat(ReplacePolicy.DISK_AND_QUEUE.replaces(V3, file(V1), List.of(V2))).isTrue();
        assertThat(ReplacePolicy.DISK_AND_QUEUE.replaces(V2, file(V3), List.of())).isFalse();
    }

    @Test
    void enginesDeclareTheirPolicyLockAndBootBehaviour() {
        assertThat(InstallerEngine.WINDOWS_INSTALLER.lock()).contains("_MSIExecute");
        assertThat(InstallerEngine.COMPONENT_SERVICING.lock()).contains("TrustedInstaller");
        assertThat(InstallerEngine.COMPONENT_SERVICING.alwaysAtBoot()).isTrue();
        assertThat(InstallerEngine.HOTFIX_INSTALLER.defaultPolicy()).isEqualTo(ReplacePolicy.DISK_AND_QUEUE);
        assertThat(InstallerEngine.NAIVE.defaultPolicy()).isEqualTo(ReplacePolicy.DISK_ONLY);
        assertThat(InstallerEngine.NAIVE.lock()).isEmpty();
    }
}
