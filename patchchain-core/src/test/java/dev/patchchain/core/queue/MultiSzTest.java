package dev.patchchain.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultiSzTest {

    @Test
    void wellFormedValue() {
        MultiSz m = MultiSz.decode(Utf16.of("a\0b\0\0"));
        assertThat(m.strings()).containsExactly("a", "b", "");
        assertThat(m.tail()).isEmpty();
        assertThat(m.isTerminated()).isTrue();
        assertThat(MultiSz.of(List.of("a", "b"))).isEqualTo(m);
    }

    @Test
    void deletesAndPaddingKeepEveryEmptyString() {
        MultiSz m = MultiSz.decode(Utf16.of("a\0\0b\0\0\0\0"));
        assertThat(m.strings()).containsExactly("a", "", "b", "", "", "");
    }

    @Test
    void missingTerminatorAndOddLengthAreKept() {
        byte[] data = Utf16.of("a\0b");
        MultiSz m = MultiSz.decode(data);
        assertThat(m.strings()).containsExactly("a");
        assertThat(m.tail()).isEqualTo("b");
        assertThat(m.isTerminated()).isFalse();

        byte[] odd = new byte[] {'a', 0, 0, 0, 0x7F};
        MultiSz o = MultiSz.decode(odd);
        assertThat(o.strayByte()).isEqualTo(0x7F);
        assertThat(o.encode()).isEqualTo(odd);
    }

    @Test
    void emptyDataIsAnEmptyLayout() {
        MultiSz m = MultiSz.decode(new byte[0]);
        assertThat(m.strings()).isEmpty();
        assertThat(m.encode()).isEmpty();
    }

    @Test
    void anyBytesRoundTrip() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 5000; i++) {
            byte[] data = new byte[random.nextInt(64)];
            for (int j = 0; j < data.length; j++) {
                // mostly NULs and ASCII, some high bytes and surrogate halves
                int r = random.nextInt(10);
                data[j] = (byte) (r < 4 ? 0 : r < 8 ? 'a' + random.nextInt(26) : random.nextInt(256));
            }
            assertThat(MultiSz.decode(data).encode()).as("round trip %d", i).isEqualTo(data);
        }
    }
}
