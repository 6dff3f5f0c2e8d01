package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegFileWriter;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RegfHive} on hives written by {@link RegfBuilder}: every structure the builder writes reads back. */
class RegfHiveTest {

    static final byte[] BIG = pattern(40_000);

    /** A hive with one of everything; {@link RegfTortureTest} and the fuzz seeds use it too. */
    static RegfBuilder sample(RegfBuilder.ListKind kind, int minor) {
        RegfBuilder b = new RegfBuilder().listKind(kind).minorVersion(minor)
                .value("", "", 1, utf16("root default"))
                .value("Software\\Vendor", "Empty", 3, new byte[0])
                .value("Software\\Vendor", "One", 3, new byte[] {7})
                .value("Software\\Vendor", "Dword", 4, new byte[] {1, 2, 3, 4})
                .value("Software\\Vendor", "Five", 3, new byte[] {1, 2, 3, 4, 5})
                .value("Software\\Vendor", "Big", 3, BIG)
                .value("Software\\Vendor", "Weird type", 0x12345678, new byte[] {9, 9, 9, 9, 9, 9})
                .value("Software\\Ünïcödé", "ключ", 1, utf16("значение"))
                .key("Software\\Ключ\\Deep\\Deeper");
        for (int i = 0; i < 9; i++) {
            b.key("Many\\Sub" + i);
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(RegfBuilder.ListKind.class)
    void readsEverythingTheBuilderWrites(RegfBuilder.ListKind kind) throws IOException {
        RegfHive hive = RegfHive.read(sample(kind, 5).build(), "sample", RegfOptions.STRICT);
        assertThat(hive.dirty()).isFalse();
        assertThat(hive.warnings()).isEmpty();
        assertThat(hive.minorVersion()).isEqualTo(5);
        assertThat(hive.rootKey().subkeys()).extracting(RegfKey::name).containsExactly("Many", "Software");
        assertThat(hive.rootKey().value("")).hasValue(new RegfValue("", 1, utf16("root default")));
        RegfKey vendor = hive.key("SOFTWARE\\vendor").orElseThrow();
        assertThat(vendor.path()).isEqualTo("Software\\Vendor");
        assertThat(vendor.lastWritten()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(vendor.values()).containsExactly(
                new RegfValue("Empty", 3, new byte[0]),
                new RegfValue("One", 3, new byte[] {7}),
                new RegfValue("Dword", 4, new byte[] {1, 2, 3, 4}),
                new RegfValue("Five", 3, new byte[] {1, 2, 3, 4, 5}),
                new RegfValue("Big", 3, BIG),
                new RegfValue("Weird type", 0x12345678, new byte[] {9, 9, 9, 9, 9, 9}));
        assertThat(hive.key("Software\\ünïcödé").orElseThrow().value("КЛЮЧ").orElseThrow().data())
                .isEqualTo(utf16("значение"));
        assertThat(hive.key("Software\\Ключ\\Deep\\Deeper")).isPresent();
        assertThat(hive.key("Many").orElseThrow().subkeys()).hasSize(9);
        assertThat(hive.key("Software\\Missing")).isEmpty();
        assertThat(vendor.value("missing")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6})
    void bigDataByVersion(int minor) throws IOException {
        RegfHive hive = RegfHive.read(sample(RegfBuilder.ListKind.LH, minor).build(), "v1." + minor,
                RegfOptions.STRICT);
        assertThat(hive.key("Software\\Vendor").orElseThrow().value("Big").orElseThrow().data()).isEqualTo(BIG);
    }

    @Test
    void openMapsTheFileAndReadsTheSame(@TempDir Path dir) throws IOException {
        byte[] bytes = sample(RegfBuilder.ListKind.RI, 5).build();
        Path file = Files.write(dir.resolve("HIVE"), bytes);
        try (RegfHive mapped = RegfHive.open(file, RegfOptions.STRICT)) {
            assertThat(RegfExport.export(mapped.rootKey(), "X"))
                    .isEqualTo(RegfExport.export(RegfHive.read(bytes, "HIVE", RegfOptions.STRICT).rootKey(), "X"));
            assertThat(mapped.logsApplied()).isFalse();
            assertThat(mapped.sequenceNumber()).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void dirtyHiveWithoutLogsSaysSoLoudly(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("SYSTEM"), new RegfBuilder().sequences(8, 7).key("Select").build());
        try (RegfHive hive = RegfHive.open(file, RegfOptions.STRICT)) {
            assertThat(hive.dirty()).isTrue();
            assertThat(hive.logsApplied()).isFalse();
            assertThat(hive.warnings()).singleElement().asString().startsWith("DIRTY HIVE read without its transaction"
                    + " logs (no .LOG1/.LOG2/.LOG file beside SYSTEM)");
        }
    }

    @Test
    void exportWritesAndReadsBackAsRegText() throws IOException {
        RegfHive hive = RegfHive.read(sample(RegfBuilder.ListKind.LF, 5).build(), "sample", RegfOptions.STRICT);
        RegFile reg = RegfExport.export(hive.key("Software").orElseThrow(), "HKEY_LOCAL_MACHINE\\SOFTWARE");
        assertThat(reg.keys()).extracting(k -> k.path()).startsWith("HKEY_LOCAL_MACHINE\\SOFTWARE\\Software",
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Software\\Vendor");
        assertThat(RegFileReader.read(RegFileWriter.write(reg), "export.reg").keys()).isEqualTo(reg.keys());
    }

    @Test
    void foreignDamagedAndUnsupportedFilesFailTyped() {
        byte[] good = new RegfBuilder().key("A").build();
        assertThatThrownBy(() -> RegfHive.read("CREG and more".getBytes(StandardCharsets.US_ASCII), "USER.DAT",
                RegfOptions.STRICT)).isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
        byte[] v12 = good.clone();
        v12[24] = 2;
        fixChecksum(v12);
        assertThatThrownBy(() -> RegfHive.read(v12, "v12", RegfOptions.STRICT)).isInstanceOfSatisfying(
                FormatException.class, e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
        byte[] badSum = good.clone();
        badSum[508] ^= 1;
        assertThatThrownBy(() -> RegfHive.read(badSum, "badsum", RegfOptions.STRICT))
                .isInstanceOf(FormatException.class).hasMessageContaining("badsum at 0x1fc: base block checksum");
        byte[] shortHive = Arrays.copyOf(good, 4096 + 100);
        assertThatThrownBy(() -> RegfHive.read(shortHive, "short", RegfOptions.STRICT))
                .isInstanceOf(FormatException.class).hasMessageContaining("short at 0x28: hive bins data size 4096");
    }

    @Test
    void lenientModeReadsPastABadChecksumWithAWarning() throws IOException {
        byte[] badSum = new RegfBuilder().key("A").build();
        badSum[508] ^= 1;
        RegfHive hive = RegfHive.read(badSum, "badsum", RegfOptions.LENIENT);
        assertThat(hive.key("a")).isPresent();
        assertThat(hive.warnings()).anyMatch(w -> w.contains("base block checksum"));
    }

    @Test
    void aDamagedValueFailsStrictModeWithItsOffsetAndIsSkippedLeniently() throws IOException {
        byte[] hive = sample(RegfBuilder.ListKind.LH, 5).build();
        int vk = find(hive, "vk\u0004\u0000".getBytes(StandardCharsets.ISO_8859_1), "Five");
        hive[vk] = 'x';
        String offset = "at 0x" + Integer.toHexString(vk);
        RegfKey strictVendor = RegfHive.read(hive, "damaged", RegfOptions.STRICT).key("Software\\Vendor").orElseThrow();
        assertThatThrownBy(strictVendor::values).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT);
            assertThat(e.getMessage()).startsWith("damaged " + offset + ": key value: signature");
        });
        RegfHive lenient = RegfHive.read(hive, "damaged", RegfOptions.LENIENT);
        assertThat(lenient.key("Software\\Vendor").orElseThrow().values()).extracting(RegfValue::name)
                .containsExactly("Empty", "One", "Dword", "Big", "Weird type");
        assertThat(lenient.warnings()).singleElement().asString().startsWith("damaged " + offset);
    }

    /** @return the offset of the value record whose header starts with {@code head} and whose name is {@code name} */
    private static int find(byte[] hive, byte[] head, String name) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 20 + n.length <= hive.length; i++) {
            if (Arrays.equals(hive, i, i + head.length, head, 0, head.length)
                    && Arrays.equals(hive, i + 20, i + 20 + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new AssertionError(name + " not found");
    }

    static void fixChecksum(byte[] hive) {
        int c = RegfBuilder.checksum(hive);
        for (int i = 0; i < 4; i++) {
            hive[508 + i] = (byte) (c >>> (8 * i));
        }
    }

    static byte[] utf16(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 251);
        }
        return b;
    }
}
