package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.regf.ByteRange;
import dev.patchchain.formats.regf.HiveEdit;
import dev.patchchain.formats.regf.RefusedWriteException;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import dev.patchchain.formats.regf.RegfValueWriter;
import dev.patchchain.formats.regf.ValueChange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RegfValueWriter} on hives written by {@link RegfBuilder}: each allocation rule, base block, refusals. */
class RegfValueWriterTest {

    static final String SM = "ControlSet001\\Control\\Session Manager";
    static final String PFRO = "PendingFileRenameOperations";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] QUEUE = queue(6);

    /** @return a REG_MULTI_SZ of {@code pairs} rename pairs, as PendingFileRenameOperations holds them */
    static byte[] queue(int pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            s.append("\\??\\C:\\Windows\\Temp\\update").append(i).append(".tmp\0!\\??\\C:\\Windows\\System32\\lib")
                    .append(i).append(".dll\0");
        }
        return RegfHiveTest.utf16(s.append('\0').toString());
    }

    static RegfBuilder system() {
        return new RegfBuilder()
                .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value(SM, "BootExecute", 7, RegfHiveTest.utf16("autocheck autochk *\0\0"))
                .value(SM, PFRO, 7, QUEUE)
                .value(SM, "ProtectionMode", 4, new byte[] {1, 0, 0, 0});
    }

    static Optional<RegfValue> value(byte[] hive, String key, String name) throws IOException {
        return RegfHive.read(hive, "t", RegfOptions.STRICT).key(key).orElseThrow().value(name);
    }

    static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    private static HiveEdit set(byte[] hive, byte[] data) throws IOException {
        return RegfValueWriter.apply(hive, "t", ValueChange.set(SM, PFRO, 7, data), NOW);
    }

    private static void assertOthersUnchanged(byte[] before, byte[] after) throws IOException {
        RegfKey a = RegfHive.read(before, "a", RegfOptions.STRICT).key(SM).orElseThrow();
        RegfKey b = RegfHive.read(after, "b", RegfOptions.STRICT).key(SM).orElseThrow();
        assertThat(b.values().stream().filter(v -> !v.name().equals(PFRO)).toList())
                .isEqualTo(a.values().stream().filter(v -> !v.name().equals(PFRO)).toList());
    }

    @Test
    void shorterDataIsWrittenInPlace() throws IOException {
        byte[] hive = system().build();
        byte[] shorter = queue(2);
        HiveEdit edit = set(hive, shorter);
        byte[] out = edit.image();
        assertThat(value(out, SM, PFRO)).contains(new RegfValue(PFRO, 7, shorter));
        assertThat(out).hasSameSizeAs(hive);
        assertOthersUnchanged(hive, out);
        // Only the base block, the key node (timestamp) and the vk and its data cell changed: no cell allocated.
        assertThat(edit.changes().stream().mapToLong(ByteRange::length).sum()).isLessThan(shorter.length + 512);
    }

    @Test
    void longerDataGoesToANewHiveBinAndTheOldCellIsFreed() throws IOException {
        byte[] hive = system().build();
        byte[] longer = queue(120);
        HiveEdit edit = set(hive, longer);
        byte[] out = edit.image();
        assertThat(value(out, SM, PFRO)).contains(new RegfValue(PFRO, 7, longer));
        assertThat(out.length - hive.length).isPositive().isEqualTo(u32(out, 40) - u32(hive, 40));
        assertThat((out.length - hive.length) % 4096).isZero();
        assertOthersUnchanged(hive, out);
        // The freed cell is reused: the old queue's size fits it, so the hive does not grow again.
        byte[] again = RegfValueWriter.apply(out, "t", ValueChange.set(SM, "Other", 3, QUEUE), NOW).image();
        assertThat(again).hasSameSizeAs(out);
        assertThat(value(again, SM, "Other")).contains(new RegfValue("Other", 3, QUEUE));
    }

    @Test
    void aFreedCellMergesWithTheFreeCellsAroundIt() throws IOException {
        byte[] grown = set(system().build(), queue(120)).image();
        int lastBin = 4096;
        while (lastBin + u32(grown, lastBin + 8) < grown.length) {
            lastBin += u32(grown, lastBin + 8);
        }
        int binSize = u32(grown, lastBin + 8);
        assertThat(u32(grown, lastBin + 32)).as("the new data cell, allocated").isNegative();
        byte[] deleted = RegfValueWriter.apply(grown, "t", ValueChange.delete(SM, PFRO), NOW).image();
        assertThat(u32(deleted, lastBin + 32)).as("one free cell fills the bin").isEqualTo(binSize - 32);
        byte[] refilled = RegfValueWriter.apply(deleted, "t", ValueChange.set(SM, "Fill", 3, new byte[binSize - 36]),
                NOW).image();
        assertThat(refilled).hasSameSizeAs(deleted);
        assertThat(u32(refilled, lastBin + 32)).isEqualTo(-(binSize - 32));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6})
    void over16KiBIsBigDataFrom14AndOneCellIn13(int minor) throws IOException {
        byte[] hive = system().minorVersion(minor).build();
        byte[] big = queue(700);
        assertThat(big.length).isGreaterThan(3 * 16344);
        byte[] out = set(hive, big).image();
        assertThat(value(out, SM, PFRO)).contains(new RegfValue(PFRO, 7, big));
        assertOthersUnchanged(hive, out);
        byte[] back = set(out, QUEUE).image();
        assertThat(value(back, SM, PFRO)).contains(new RegfValue(PFRO, 7, QUEUE));
        assertOthersUnchanged(hive, back);
    }

    @Test
    void deleteRemovesTheValueAndCreateAddsIt() throws IOException {
        byte[] hive = system().build();
        byte[] deleted = RegfValueWriter.apply(hive, "t", ValueChange.delete(SM, "pendingfilerenameoperations"), NOW)
                .image();
        assertThat(value(deleted, SM, PFRO)).isEmpty();
        assertOthersUnchanged(hive, deleted);
        byte[] created = set(deleted, QUEUE).image();
        assertThat(value(created, SM, PFRO)).contains(new RegfValue(PFRO, 7, QUEUE));
        assertOthersUnchanged(hive, created);
        assertThat(RegfValueWriter.apply(deleted, "t", ValueChange.delete(SM, PFRO), NOW).changes()).isEmpty();
    }

    @Test
    void theLastValueDeletedFreesTheListAndANewOneStartsAList() throws IOException {
        byte[] hive = new RegfBuilder().value("K", "only", 4, new byte[] {7, 0, 0, 0}).build();
        byte[] empty = RegfValueWriter.apply(hive, "t", ValueChange.delete("K", "only"), NOW).image();
        assertThat(RegfHive.read(empty, "t", RegfOptions.STRICT).key("K").orElseThrow().values()).isEmpty();
        byte[] unicode = RegfValueWriter.apply(empty, "t", ValueChange.set("K", "Ωmega", 1,
                RegfHiveTest.utf16("x\0")), NOW).image();
        assertThat(value(unicode, "K", "ωMEGA")).contains(new RegfValue("Ωmega", 1, RegfHiveTest.utf16("x\0")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 5})
    void smallDataIsResidentUpTo4Bytes(int length) throws IOException {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (0xA0 + i);
        }
        byte[] out = RegfValueWriter.apply(system().build(), "t", ValueChange.set(SM, "ProtectionMode", 3, data), NOW)
                .image();
        assertThat(value(out, SM, "ProtectionMode")).contains(new RegfValue("ProtectionMode", 3, data));
    }

    @Test
    void baseBlockAndKeyTimestampAreUpdatedAndTheHiveStaysClean() throws IOException {
        byte[] hive = system().sequences(41, 41).build();
        byte[] out = set(hive, queue(1)).image();
        assertThat(u32(out, 4)).isEqualTo(42);
        assertThat(u32(out, 8)).isEqualTo(42);
        assertThat(u32(out, 508)).isEqualTo(RegfBuilder.checksum(out));
        RegfHive read = RegfHive.read(out, "t", RegfOptions.STRICT);
        assertThat(read.dirty()).isFalse();
        assertThat(read.lastWritten()).isEqualTo(NOW);
        assertThat(read.key(SM).orElseThrow().lastWritten()).isEqualTo(NOW);
        assertThat(read.key("Select").orElseThrow().lastWritten()).isNotEqualTo(NOW);
    }

    @Test
    void refusesADirtyHiveAMissingKeyAndLeavesTheInputAlone() {
        byte[] dirty = system().sequences(5, 4).build();
        byte[] copy = dirty.clone();
        assertThatThrownBy(() -> set(dirty, QUEUE)).isInstanceOf(RefusedWriteException.class)
                .hasMessageContaining("dirty hive (primary sequence 5, secondary 4");
        assertThat(dirty).isEqualTo(copy);
        assertThatThrownBy(() -> RegfValueWriter.apply(system().build(), "t",
                ValueChange.set("No\\Such", "x", 1, new byte[2]), NOW))
                .isInstanceOf(RefusedWriteException.class).hasMessageContaining("no key 'No\\Such'");
    }

    @Test
    void changedRangesCoverEveryDifference() throws IOException {
        byte[] hive = system().build();
        for (ValueChange change : List.of(ValueChange.set(SM, PFRO, 7, queue(1)), ValueChange.set(SM, PFRO, 7,
                queue(500)), ValueChange.delete(SM, "BootExecute"), ValueChange.set(SM, "New", 7, queue(50)))) {
            HiveEdit edit = RegfValueWriter.apply(hive, "t", change, NOW);
            byte[] out = edit.image();
            for (int i = 0; i < out.length; i++) {
                if (i >= hive.length || out[i] != hive[i]) {
                    assertThat(edit.changed(i)).as("byte 0x%x after %s", i, change).isTrue();
                }
            }
            hive = out;
        }
    }
}
