package dev.patchchain.formats.reg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegFileWriterTest {

    @Test
    void reproducesWineRegeditsExportByteForByte() throws Exception {
        byte[] export = Fixtures.bytes("reg/session-manager-wine-export.reg");
        assertThat(RegFileWriter.write(RegFileReader.read(export, "export.reg"))).isEqualTo(export);
    }

    @Test
    void writesARegedit4FileAsWineRegeditExportsItAfterImport() throws Exception {
        RegFile old = RegFileReader.read(Fixtures.bytes("reg/regedit4-ansi.reg"), "old.reg");
        assertThat(RegFileWriter.write(old)).isEqualTo(Fixtures.bytes("reg/regedit4-ansi-wine-export.reg"));
    }

    @Test
    void wrapsHexLikeRegedit() {
        byte[] data = new byte[100];
        String text = RegFileWriter.toText(RegFile.of(List.of(new RegKeyBlock("HKEY_CURRENT_USER\\A", false,
                List.of(RegValue.of("PendingFileRenameOperations", RegValue.REG_MULTI_SZ, data))))));
        String[] lines = text.split("\r\n");
        // 37 characters of name and type, then 14 bytes reach column 77; then 25 bytes per line.
        assertThat(lines[3]).hasSize(37 + 14 * 3 + 1).startsWith("\"PendingFileRenameOperations\"=hex(7):00,").endsWith(",\\");
        assertThat(lines[4]).hasSize(2 + 25 * 3 + 1).startsWith("  00,");
        assertThat(lines[7]).isEqualTo("  " + "00,".repeat(10) + "00");
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\A]\r\n").endsWith("00\r\n\r\n");
    }

    @Test
    void aNameLongerThanTheLineGetsOneBytePerLineUntilTheIndent() {
        String name = "n".repeat(80);
        String text = RegFileWriter.toText(RegFile.of(List.of(new RegKeyBlock("HKEY_CURRENT_USER\\A", false,
                List.of(RegValue.of(name, RegValue.REG_BINARY, new byte[] {1, 2, 3}))))));
        assertThat(text).contains("\"" + name + "\"=hex:01,\\\r\n  02,03\r\n");
    }

    @Test
    void stringFormOnlyWhenItCarriesTheBytesExactly() {
        assertThat(line(RegValue.of("", RegValue.REG_SZ, utf16("a\"b\\c\0")))).isEqualTo("@=\"a\\\"b\\\\c\"");
        assertThat(line(RegValue.of("s", RegValue.REG_SZ, utf16("two\nlines\0")))).startsWith("\"s\"=hex(1):74,00");
        assertThat(line(RegValue.of("s", RegValue.REG_SZ, utf16("no terminator")))).startsWith("\"s\"=hex(1):");
        assertThat(line(RegValue.of("s", RegValue.REG_SZ, new byte[0]))).isEqualTo("\"s\"=hex(1):");
        assertThat(line(RegValue.of("s", RegValue.REG_SZ, new byte[] {0, (byte) 0xD8, 0, 0}))).startsWith("\"s\"=hex(1):");
        assertThat(line(RegValue.of("d", RegValue.REG_DWORD, new byte[] {1, 2, 3, 4}))).isEqualTo("\"d\"=dword:04030201");
        assertThat(line(RegValue.of("d", RegValue.REG_DWORD, new byte[] {1}))).isEqualTo("\"d\"=hex(4):01");
        assertThat(line(RegValue.deletion("x"))).isEqualTo("\"x\"=-");
    }

    @Test
    void seededRandomFilesRoundTripExactly() throws Exception {
        Random random = Fixtures.random("reg file round trip");
        for (int round = 0; round < 300; round++) {
            RegFile file = randomFile(random);
            byte[] bytes = RegFileWriter.write(file);
            RegFile back = RegFileReader.read(bytes, "round" + round + ".reg");
            assertThat(back).as("round %d:%n%s", round, RegFileWriter.toText(file)).isEqualTo(file);
            assertThat(RegFileWriter.write(back)).isEqualTo(bytes);
        }
    }

    private static RegFile randomFile(Random random) {
        List<RegKeyBlock> keys = new ArrayList<>();
        int keyCount = random.nextInt(4);
        for (int k = 0; k < keyCount; k++) {
            String path = "HKEY_LOCAL_MACHINE\\SOFTWARE\\" + text(random, 1 + random.nextInt(20), false);
            if (random.nextInt(5) == 0) {
                keys.add(new RegKeyBlock(path, true, List.of()));
                continue;
            }
            List<RegValue> values = new ArrayList<>();
            int valueCount = random.nextInt(6);
            for (int v = 0; v < valueCount; v++) {
                String name = random.nextInt(6) == 0 ? "" : text(random, 1 + random.nextInt(90), true);
                values.add(randomValue(random, name));
            }
            keys.add(new RegKeyBlock(path, false, values));
        }
        return RegFile.of(keys);
    }

    private static RegValue randomValue(Random random, String name) {
        int[] types = {RegValue.REG_NONE, RegValue.REG_SZ, RegValue.REG_EXPAND_SZ, RegValue.REG_BINARY,
            RegValue.REG_DWORD, RegValue.REG_MULTI_SZ, RegValue.REG_QWORD, 0x10000, 0xffffffff};
        int type = types[random.nextInt(types.length)];
        return switch (random.nextInt(5)) {
            case 0 -> RegValue.deletion(name);
            case 1 -> RegValue.of(name, type, utf16(text(random, random.nextInt(50), true) + "\0"));
            default -> {
                byte[] data = new byte[random.nextInt(300)];
                random.nextBytes(data);
                yield RegValue.of(name, type, data);
            }
        };
    }

    private static String text(Random random, int length, boolean any) {
        String alphabet = any ? "abcXYZ09 _-\\\"'[]=@;:,.\u00e9\u20ac\u4e2d\n" : "abcXYZ09 _-.";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String line(RegValue value) {
        String text = RegFileWriter.toText(RegFile.of(List.of(new RegKeyBlock("HKEY_CURRENT_USER\\A", false, List.of(value)))));
        return text.split("\r\n")[3];
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
