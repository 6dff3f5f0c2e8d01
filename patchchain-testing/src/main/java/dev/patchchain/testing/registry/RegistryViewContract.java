package dev.patchchain.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RegistryView} passes: the offline hive view, the live Windows view (on a scratch key)
 * and the live view over a fake Advapi32 run these same tests. A subclass materializes the {@link #TREE} (keys,
 * and values of every type with exact bytes) and returns a view whose root is the tree's root.
 */
public abstract class RegistryViewContract {

    /**
     * One key of the fixture, or one value in it.
     *
     * @param key  the key path below the root
     * @param name the value's name ({@code ""}: the default value), or {@code null} for the key alone
     * @param type the registry type
     * @param data the bytes
     */
    public record Entry(String key, String name, int type, byte[] data) {

        static Entry key(String key) {
            return new Entry(key, null, 0, new byte[0]);
        }
    }

    /** {@code REG_NONE}. */
    protected static final int REG_NONE = 0;
    /** {@code REG_QWORD}. */
    protected static final int REG_QWORD = 11;
    /** A type no Windows version defines: kept as it is. */
    protected static final int UNKNOWN_TYPE = 0x1234;

    private static final String KEY = "Control\\Session Manager";
    /** A queue as installers write it: a delete's empty destination inside the list, then the final NUL. */
    private static final byte[] QUEUE = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\a.dll",
            "!\\??\\C:\\Windows\\System32\\a.dll", "\\??\\C:\\Windows\\Temp\\old.dll", "")).encode();
    /** Bytes no writer would produce (odd length, no terminator). */
    private static final byte[] ODD = {0x5c, 0x00, 0x3f, 0x00, 0x3f};
    private static final byte[] BIG = big();

    /** The fixture every implementation builds. */
    protected static final List<Entry> TREE = List.of(
            new Entry(KEY, "PendingFileRenameOperations", RegistryValue.REG_MULTI_SZ, QUEUE),
            new Entry(KEY, "Odd", RegistryValue.REG_MULTI_SZ, ODD),
            new Entry(KEY, "Big", RegistryValue.REG_MULTI_SZ, BIG),
            new Entry(KEY, "Text", RegistryValue.REG_SZ, utf16("C:\\Windows\0")),
            new Entry(KEY, "Expand", RegistryValue.REG_EXPAND_SZ, utf16("%SystemRoot%\\x\0")),
            new Entry(KEY, "Binary", RegistryValue.REG_BINARY, new byte[] {0, 1, 2, (byte) 0xFF}),
            new Entry(KEY, "Dword", RegistryValue.REG_DWORD, new byte[] {0x78, 0x56, 0x34, 0x12}),
            new Entry(KEY, "Qword", REG_QWORD, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
            new Entry(KEY, "None", REG_NONE, new byte[] {9}),
            new Entry(KEY, "Strange", UNKNOWN_TYPE, new byte[] {1, 2, 3}),
            new Entry(KEY, "Empty", RegistryValue.REG_BINARY, new byte[0]),
            new Entry(KEY, "", RegistryValue.REG_SZ, utf16("default\0")),
            Entry.key("Control\\Windows"),
            Entry.key("Control\\ComputerName\\ComputerName"),
            Entry.key("Select"));

    /**
     * @param tree the keys and values to hold
     * @return a view whose root holds exactly them
     * @throws Exception if the fixture cannot be built
     */
    protected abstract RegistryView create(List<Entry> tree) throws Exception;

    @Test
    void keysExistCaseInsensitively() throws Exception {
        RegistryView view = create(TREE);

        assertThat(view.keyExists("Control\\Session Manager")).isTrue();
        assertThat(view.keyExists("CONTROL\\session manager")).isTrue();
        assertThat(view.keyExists("Control")).isTrue();
        assertThat(view.keyExists("\\Control\\Windows\\")).isTrue();
        assertThat(view.keyExists("Control\\Missing")).isFalse();
        assertThat(view.keyExists("Missing\\Deeper")).isFalse();
    }

    @Test
    void subkeysKeepTheirNames() throws Exception {
        RegistryView view = create(TREE);

        assertThat(view.subkeys("control")).containsExactlyInAnyOrder("Session Manager", "Windows", "ComputerName");
        assertThat(view.subkeys("Control\\ComputerName")).containsExactly("ComputerName");
        assertThat(view.subkeys("Select")).isEmpty();
        assertThat(view.subkeys("Missing")).isEmpty();
    }

    @Test
    void valuesKeepTheirTypeAndExactBytes() throws Exception {
        RegistryView view = create(TREE);

        for (Entry e : TREE) {
            if (e.name() != null) {
                assertThat(view.value(e.key(), e.name())).as(e.name())
                        .contains(new RegistryValue(e.type(), e.data()));
            }
        }
    }

    @Test
    void multiSzReachesTheDecoderAsTheHiveHasIt() throws Exception {
        RegistryView view = create(TREE);

        Optional<RegistryValue> queue = view.value("control\\SESSION MANAGER", "pendingfilerenameoperations");

        assertThat(queue).map(RegistryValue::strings).contains(List.of("\\??\\C:\\Windows\\Temp\\a.dll",
                "!\\??\\C:\\Windows\\System32\\a.dll", "\\??\\C:\\Windows\\Temp\\old.dll"));
        assertThat(view.value(KEY, "Big")).map(v -> v.data().length).contains(BIG.length);
    }

    @Test
    void missingValuesAreAbsent() throws Exception {
        RegistryView view = create(TREE);

        assertThat(view.value(KEY, "Missing")).isEmpty();
        assertThat(view.value("Control\\Windows", "")).isEmpty();
        assertThat(view.value("Missing", "Dword")).isEmpty();
    }

    @Test
    void lastWriteTimeOfExistingKeysOnly() throws Exception {
        RegistryView view = create(TREE);

        assertThat(view.lastWritten(KEY)).hasValueSatisfying(
                t -> assertThat(t).isAfter(Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(view.lastWritten("Missing")).isEmpty();
    }

    /** A value past a hive's 16 KiB cell limit (big data) and past any first guess of a buffer size. */
    private static byte[] big() {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            strings.add("\\??\\C:\\Windows\\WinSxS\\Temp\\PendingRenames\\file" + i + ".dll");
        }
        return MultiSz.of(strings).encode();
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
