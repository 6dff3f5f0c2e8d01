package dev.patchchain.formats.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.TextFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegFileReaderTest {

    private static final String HEADER = "Windows Registry Editor Version 5.00\r\n\r\n";
    private static final String KEY = "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]\r\n";

    private static RegFile utf8(String text) throws FormatException {
        return RegFileReader.read(text.getBytes(StandardCharsets.UTF_8), "t.reg");
    }

    private static RegValue only(String valueLines) throws FormatException {
        return utf8(HEADER + KEY + valueLines).keys().get(0).values().get(0);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void readsTheWineExportFixture() throws Exception {
        RegFile file = RegFileReader.read(Fixtures.bytes("reg/session-manager-wine-export.reg"), "export.reg");
        assertThat(file.header()).isEqualTo(RegHeader.VERSION_5);
        assertThat(file.keys()).hasSize(1);
        RegKeyBlock key = file.keys().get(0);
        assertThat(key.path()).isEqualTo("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet009\\Control\\Session Manager");
        assertThat(key.values()).extracting(RegValue::name).containsExactly("", "Blob", "BootExecute",
                "CriticalSectionTimeout", "Expand", "ObjectDirectories", "PendingFileRenameOperations",
                "PendingFileRenameOperations2", "ProtectionMode", "Quad");
        assertThat(key.values().get(0).data()).isEqualTo(utf16("default \"quoted\" C:\\path\0"));
        assertThat(key.values().get(3).data()).containsExactly(0x00, 0x8d, 0x27, 0x00);
        assertThat(key.values().get(9).type()).isEqualTo(RegValue.REG_QWORD);
        assertThat(file.notes()).isEmpty();
    }

    @Test
    void theUnwrappedSourceAndTheWrappedExportHoldTheSameValues() throws Exception {
        RegFile source = RegFileReader.read(Fixtures.bytes("reg/session-manager-source.reg"), "source.reg");
        RegFile export = RegFileReader.read(Fixtures.bytes("reg/session-manager-wine-export.reg"), "export.reg");
        assertThat(source.keys().get(0).values()).containsExactlyInAnyOrderElementsOf(export.keys().get(0).values());
    }

    @Test
    void encodings() throws Exception {
        String text = HEADER + KEY + "\"a\"=\"x\"\r\n";
        RegValue expected = RegValue.of("a", RegValue.REG_SZ, utf16("x\0"));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] utf8Bom = new byte[utf8.length + 3];
        utf8Bom[0] = (byte) 0xEF;
        utf8Bom[1] = (byte) 0xBB;
        utf8Bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, utf8Bom, 3, utf8.length);
        for (byte[] data : List.of(Fixtures.utf16WithBom(text), utf16(text), utf8, utf8Bom)) {
            assertThat(RegFileReader.read(data, "t.reg").keys().get(0).values()).containsExactly(expected);
        }
    }

    @Test
    void lfOnlyLineEndsAndCommentsAndBlankLines() throws Exception {
        RegFile file = utf8("Windows Registry Editor Version 5.00\n; comment\n\n  ; indented comment\n"
                + "[HKEY_CURRENT_USER\\Software\\A]\n\n\"x\"=dword:1\n");
        assertThat(file.keys().get(0).values().get(0).data()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void severalKeysDeletedKeysAndTrailingBackslash() throws Exception {
        RegFile file = utf8(HEADER + "[HKEY_CURRENT_USER\\Software\\A\\]\r\n\"x\"=\"1\"\r\n\r\n"
                + "[-HKEY_CURRENT_USER\\Software\\B]\r\n\r\n[HKEY_CURRENT_USER\\Software\\C]\r\n");
        assertThat(file.keys()).containsExactly(
                new RegKeyBlock("HKEY_CURRENT_USER\\Software\\A", false, List.of(RegValue.of("x", 1, utf16("1\0")))),
                new RegKeyBlock("HKEY_CURRENT_USER\\Software\\B", true, List.of()),
                new RegKeyBlock("HKEY_CURRENT_USER\\Software\\C", false, List.of()));
    }

    @Test
    void stringEscapesDefaultValueAndDeletion() throws Exception {
        RegFile file = utf8(HEADER + KEY + "@=\"C:\\\\dir\\\\\\\"q\\\"\"\r\n\"PendingFileRenameOperations\"=-\r\n"
                + "\"with \\\"quote\\\"\" = \"v\"\r\n");
        List<RegValue> values = file.keys().get(0).values();
        assertThat(values.get(0)).isEqualTo(RegValue.of("", RegValue.REG_SZ, utf16("C:\\dir\\\"q\"\0")));
        assertThat(values.get(1)).isEqualTo(RegValue.deletion("PendingFileRenameOperations"));
        assertThat(values.get(2).name()).isEqualTo("with \"quote\"");
    }

    @Test
    void hexTypesAndEmptyHex() throws Exception {
        assertThat(only("\"b\"=hex:de,AD,0\r\n")).isEqualTo(RegValue.of("b", 3, new byte[] {(byte) 0xDE, (byte) 0xAD, 0}));
        assertThat(only("\"e\"=hex(2):25,00,00,00\r\n").type()).isEqualTo(RegValue.REG_EXPAND_SZ);
        assertThat(only("\"m\"=hex(7):61,00,00,00,00,00\r\n").type()).isEqualTo(RegValue.REG_MULTI_SZ);
        assertThat(only("\"q\"=hex(b):01,02,03,04,05,06,07,08\r\n").type()).isEqualTo(RegValue.REG_QWORD);
        assertThat(only("\"n\"=hex(0):\r\n")).isEqualTo(RegValue.of("n", 0, new byte[0]));
        assertThat(only("\"t\"=hex(ffff0001):01\r\n").type()).isEqualTo(0xffff0001);
        assertThat(only("\"c\"=hex:01,02,\r\n").data()).containsExactly(1, 2);
    }

    @Test
    void continuationsWithAndWithoutIndentAndBetweenTheBytesOfAUnit() throws Exception {
        RegValue v = only("\"m\"=hex(7):61,\\\r\n  00,62,00,\\\r\n00,00,\\\r\n\t\t00,00\r\n");
        assertThat(v.data()).isEqualTo(utf16("ab\0\0"));
        RegValue split = only("\"m\"=hex(7):61,0\\\r\n  0,00,00\r\n");
        assertThat(split.data()).containsExactly(0x61, 0, 0, 0);
    }

    @Test
    void regedit4HexStringsAreWidenedFromWindows1252AndNoted() throws Exception {
        RegFile file = RegFileReader.read(Fixtures.bytes("reg/regedit4-ansi.reg"), "old.reg");
        assertThat(file.header()).isEqualTo(RegHeader.REGEDIT4);
        RegValue pfro = file.keys().get(0).values().get(1);
        assertThat(pfro.data()).isEqualTo(utf16("\\??\\C:\\Café\\new.dll\0!\\??\\C:\\Café\\old.dll\0\\??\\C:\\€uro.tmp\0\0\0"));
        assertThat(file.notes()).singleElement().asString()
                .startsWith("line 5: value \"PendingFileRenameOperations\" (type 7) converted from ANSI");
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertError("REGEDIT5\r\n", 1, "expected \"Windows Registry Editor Version 5.00\"");
        assertError(HEADER + "\"a\"=\"x\"\r\n", 3, "value line before any [key] line");
        assertError(HEADER + "[-HKEY_CURRENT_USER\\A]\r\n\"a\"=\"x\"\r\n", 4, "value line under a [-key] line");
        assertError(HEADER + "[HKEY_BOGUS\\A]\r\n", 3, "expected a key path starting with HKEY_LOCAL_MACHINE");
        assertError(HEADER + "[HKEY_CURRENT_USER\\A\r\n", 3, "expected ']'");
        assertError(HEADER + "[HKEY_CURRENT_USER\\A\\\\]\r\n", 3, "empty key name");
        assertError(HEADER + KEY + "\"a\" \"x\"\r\n", 4, "line 4, column 5: expected '='");
        assertError(HEADER + KEY + "\"a\"=str\r\n", 4, "expected \"string\", dword:, hex:");
        assertError(HEADER + KEY + "\"a\"=\"x\r\n", 4, "no closing");
        assertError(HEADER + KEY + "\"a\"=\"x\" y\r\n", 4, "unexpected text after the value");
        assertError(HEADER + KEY + "\"a\"=\"\\t\"\r\n", 4, "unknown escape");
        assertError(HEADER + KEY + "\"a\"=dword:123456789\r\n", 4, "expected 1 to 8 hex digits");
        assertError(HEADER + KEY + "\"a\"=hex(x):00\r\n", 4, "expected hex(N):");
        assertError(HEADER + KEY + "\"a\"=hex:00,\\\r\n  01,zz\r\n", 5, "line 5, column 6: expected a hex byte");
        assertError(HEADER + KEY + "\"a\"=hex:00,,01\r\n", 4, "line 4, column 12: expected a hex byte");
        assertError(HEADER + KEY + "\"a\"=hex:00,\\\r\n", 4, "continues");
        assertError(HEADER + KEY + "garbage\r\n", 4, "expected [key]");
    }

    @Test
    void limits() {
        byte[] huge = new byte[RegFileReader.MAX_FILE_BYTES + 1];
        assertThatThrownBy(() -> RegFileReader.read(huge, "huge.reg")).isInstanceOf(FormatException.class)
                .hasMessageContaining("limit");
        StringBuilder value = new StringBuilder(HEADER + KEY + "\"a\"=hex:00");
        for (int i = 0; i < RegFileReader.MAX_VALUE_BYTES; i++) {
            value.append(",0");
        }
        assertThatThrownBy(() -> utf8(value.toString())).isInstanceOf(TextFormatException.class)
                .hasMessageContaining("line 4").hasMessageContaining("larger than the limit");
    }

    private static void assertError(String text, int line, String message) {
        assertThatThrownBy(() -> utf8(text))
                .isInstanceOf(TextFormatException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith("t.reg: line " + line)
                .satisfies(e -> assertThat(((TextFormatException) e).line()).isEqualTo(line));
    }
}
