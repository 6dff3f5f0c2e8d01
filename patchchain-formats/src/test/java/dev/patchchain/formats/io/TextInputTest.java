package dev.patchchain.formats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.TextFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void detectsTheEncoding() throws Exception {
        assertThat(TextInput.decode(Fixtures.utf16WithBom("aé"), "t", 100))
                .isEqualTo(new TextInput("aé", TextInput.Encoding.UTF_16LE_BOM));
        assertThat(TextInput.decode("REGEDIT4".getBytes(StandardCharsets.UTF_16LE), "t", 100).encoding())
                .isEqualTo(TextInput.Encoding.UTF_16LE);
        assertThat(TextInput.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, "t", 100))
                .isEqualTo(new TextInput("a", TextInput.Encoding.UTF_8_BOM));
        assertThat(TextInput.decode("é".getBytes(StandardCharsets.UTF_8), "t", 100))
                .isEqualTo(new TextInput("é", TextInput.Encoding.UTF_8));
        assertThat(TextInput.decode(new byte[0], "t", 100)).isEqualTo(new TextInput("", TextInput.Encoding.UTF_8));
    }

    @Test
    void splitsLinesAtCrLfLfAndCr() {
        assertThat(new TextInput("a\r\nb\nc\rd\r\n\r\n", TextInput.Encoding.UTF_8).lines()).containsExactly("a", "b", "c", "d", "");
        assertThat(new TextInput("", TextInput.Encoding.UTF_8).lines()).isEmpty();
        assertThat(new TextInput("x", TextInput.Encoding.UTF_8).lines()).containsExactly("x");
    }

    @Test
    void refusesMalformedAndOversizedInput() {
        assertThatThrownBy(() -> TextInput.decode(new byte[] {(byte) 0x94, 'x'}, "oem.txt", 100))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("oem.txt: not valid UTF-8").hasMessageContaining("OEM code page");
        assertThatThrownBy(() -> TextInput.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xDC}, "lone.reg", 100))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("not valid UTF-16LE");
        assertThatThrownBy(() -> TextInput.decode(new byte[101], "big", 100)).hasMessageContaining("limit of 100");
    }
}
