package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.ControlSetQueue;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SystemHiveQueue} on SYSTEM hives written by {@link RegfBuilder}. */
class SystemHiveQueueTest {

    private static final String SM1 = "ControlSet001\\Control\\Session Manager";
    private static final String SM2 = "ControlSet002\\Control\\Session Manager";
    private static final byte[] ONE = {1, 0, 0, 0};
    private static final byte[] TWO = {2, 0, 0, 0};

    private static RegfBuilder system(byte[] current, byte[] defaultSet) {
        return new RegfBuilder()
                .value("Select", "Current", 4, current)
                .value("Select", "Default", 4, defaultSet)
                .value(SM1, "PendingFileRenameOperations", 7, RegfHiveTest.utf16("\\??\\C:\\old.dll\0"))
                .value(SM2, "PendingFileRenameOperations", 7, RegfHiveTest.utf16("\\??\\C:\\a.tmp\0!\\??\\C:\\a.dll\0"))
                .value(SM2, "PendingFileRenameOperations2", 7, RegfHiveTest.utf16("\\??\\C:\\b.tmp\0\0"));
    }

    @Test
    void readsTheCurrentControlSetAndSaysWhenDefaultDiffers() throws FormatException {
        RegfHive hive = RegfHive.read(system(TWO, ONE).build(), "SYSTEM", RegfOptions.STRICT);
        ControlSetQueue current = SystemHiveQueue.current(hive, PathContext.DEFAULT);
        assertThat(current.controlSet()).isEqualTo("ControlSet002");
        assertThat(current.notes()).contains("Select\\Current = 2",
                "Select\\Default = 1 differs from Select\\Current = 2; the current control set is read");
        List<PendingOperation> ops = current.queue().operations();
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0)).isInstanceOf(PendingOperation.Rename.class);
        assertThat(ops.get(1)).isInstanceOf(PendingOperation.Delete.class);
    }

    @Test
    void allControlSetsInHiveOrder() throws FormatException {
        RegfHive hive = RegfHive.read(system(ONE, ONE).build(), "SYSTEM", RegfOptions.STRICT);
        assertThat(SystemHiveQueue.current(hive, PathContext.DEFAULT).notes()).noneMatch(n -> n.contains("differs"));
        List<ControlSetQueue> all = SystemHiveQueue.allControlSets(hive, PathContext.DEFAULT);
        assertThat(all).extracting(ControlSetQueue::controlSet).containsExactly("ControlSet001", "ControlSet002");
        assertThat(all).extracting(q -> q.queue().operations().size()).containsExactly(1, 2);
    }

    @Test
    void aQueueValueOfAnotherTypeIsAnError() {
        byte[] hive = system(ONE, ONE).value(SM1, "PendingFileRenameOperations2", 1, RegfHiveTest.utf16("x")).build();
        assertThatThrownBy(() -> SystemHiveQueue.current(RegfHive.read(hive, "SYSTEM", RegfOptions.STRICT),
                PathContext.DEFAULT)).isInstanceOf(FormatException.class)
                .hasMessageContaining("PendingFileRenameOperations2 has type 1, not REG_MULTI_SZ (7)");
    }

    @Test
    void notASystemHiveOrAMissingControlSet() {
        assertThatThrownBy(() -> SystemHiveQueue.current(RegfHive.read(new RegfBuilder().key("Software").build(),
                "NTUSER.DAT", RegfOptions.STRICT), PathContext.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
        byte[] three = system(new byte[] {3, 0, 0, 0}, ONE).build();
        assertThatThrownBy(() -> SystemHiveQueue.current(RegfHive.read(three, "SYSTEM", RegfOptions.STRICT),
                PathContext.DEFAULT)).hasMessageContaining("Select\\Current = 3 but there is no ControlSet003");
    }
}
