package dev.patchchain.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import org.junit.jupiter.api.Test;

class SessionManagerQueueTest {

    private static final String SM = "ControlSet002\\Control\\Session Manager";

    @Test
    void readsTheCurrentControlSetsValuesInBootOrder() {
        MapRegistry system = new MapRegistry().dword("Select", "Current", 2).dword("Select", "Default", 1)
                .multiSz("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", "\\??\\C:\\old.dll", "")
                .multiSz(SM, "PendingFileRenameOperations", "\\??\\C:\\a.tmp", "!\\??\\C:\\Windows\\a.dll")
                .multiSz(SM, "PendingFileRenameOperations2", "\\??\\C:\\b.tmp", "");

        SessionManagerQueue read = SessionManagerQueue.read(system, PathContext.DEFAULT).orElseThrow();

        assertThat(read.controlSet()).isEqualTo("ControlSet002");
        assertThat(read.queue().operations()).hasSize(2);
        assertThat(read.queue().operations().get(0)).isInstanceOf(PendingOperation.Rename.class);
        assertThat(read.queue().operations().get(1)).isInstanceOf(PendingOperation.Delete.class);
        assertThat(read.notes()).anyMatch(n -> n.contains("Select\\Default = 1 differs"));
    }

    @Test
    void aValueOfAnotherTypeIsLeftOutWithANote() {
        MapRegistry system = new MapRegistry().dword("Select", "Current", 2)
                .string(SM, "PendingFileRenameOperations", "\\??\\C:\\a.tmp");

        SessionManagerQueue read = SessionManagerQueue.read(system, PathContext.DEFAULT).orElseThrow();

        assertThat(read.queue().operations()).isEmpty();
        assertThat(read.notes()).anyMatch(n -> n.endsWith("has type 1, not REG_MULTI_SZ (7): left out"));
    }

    @Test
    void noSelectIsNotASystemHive() {
        assertThat(SessionManagerQueue.read(new MapRegistry().key("Microsoft"), PathContext.DEFAULT)).isEmpty();
    }

    @Test
    void aMissingSessionManagerIsAnEmptyQueue() {
        SessionManagerQueue read = SessionManagerQueue.read(new MapRegistry().dword("Select", "Current", 2),
                PathContext.DEFAULT).orElseThrow();

        assertThat(read.queue().operations()).isEmpty();
        assertThat(read.notes()).contains(SM + " is missing");
    }
}
