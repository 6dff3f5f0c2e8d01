package dev.patchchain.formats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class LeReaderTest {

    private static final byte[] BYTES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    @Test
    void aWindowReadsFromItsOwnOffsetZero() throws Exception {
        LeReader window = LeReader.of("f", BYTES).window(4, 8, "record");

        assertThat(window.size()).isEqualTo(8);
        assertThat(window.u8(0, "x")).isEqualTo(4);
        assertThat(window.u16(1, "x")).isEqualTo(0x0605);
        assertThat(window.u32(4, "x")).isEqualTo(0x0b0a0908);
        assertThat(window.bytes(6, 2, "x")).containsExactly(10, 11);
        assertThat(window.window(2, 4, "inner").u32(0, "x")).isEqualTo(0x09080706);
    }

    @Test
    void aWindowEndsWhereItSaysAndNamesOffsetsOfTheOriginalInput() throws Exception {
        LeReader window = LeReader.of("f", ByteBuffer.wrap(BYTES), 0x1000).window(4, 8, "record");

        assertThatThrownBy(() -> window.u32(6, "field")).isInstanceOf(FormatException.class)
                .hasMessageContaining("field needs 4 bytes but 2 remain").hasMessageContaining("0x100a");
        assertThat(window.corrupt(1, "bad").getMessage()).contains("0x1005");
    }

    @Test
    void aWindowMustLieInsideItsReader() {
        LeReader reader = LeReader.of("f", BYTES);

        assertThatThrownBy(() -> reader.window(12, 8, "record")).isInstanceOf(FormatException.class)
                .hasMessageContaining("record needs 8 bytes but 4 remain");
        assertThatThrownBy(() -> reader.window(-1, 2, "record")).isInstanceOf(FormatException.class);
    }
}
