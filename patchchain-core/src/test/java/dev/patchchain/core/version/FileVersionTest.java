package dev.patchchain.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileVersionTest {

    @Test
    void parsesFourParts() {
        FileVersion v = FileVersion.parse("6.1.7601.17514");
        assertThat(v).isEqualTo(new FileVersion(6, 1, 7601, 17514));
        assertThat(v.toString()).isEqualTo("6.1.7601.17514");
    }

    @Test
    void missingPartsAreZero() {
        assertThat(FileVersion.parse("1.0")).isEqualTo(new FileVersion(1, 0, 0, 0));
        assertThat(FileVersion.parse("0.3")).isEqualTo(new FileVersion(0, 3, 0, 0));
    }

    @Test
    void fromMsLsSplitsWords() {
        FileVersion v = FileVersion.fromMsLs(0x000A0000, 0x47BA00BB);
        assertThat(v).isEqualTo(new FileVersion(10, 0, 18362, 187));
        assertThat(v.ms()).isEqualTo(0x000A0000);
        assertThat(v.ls()).isEqualTo(0x47BA00BB);
    }

    @Test
    void ordersNumericallyNotAsText() {
        FileVersion a = FileVersion.parse("6.1.7601.17514");
        FileVersion b = FileVersion.parse("6.1.7601.23403");
        FileVersion c = FileVersion.parse("10.0.0.0");
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(a.isOlderThan(b)).isTrue();
        assertThat(b.max(a)).isEqualTo(b);
        assertThat(FileVersion.parse("65535.65535.65535.65535")).isGreaterThan(c);
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertThatThrownBy(() -> FileVersion.parse("5,1,2600,0")).hasMessageContaining("5,1,2600,0");
        assertThatThrownBy(() -> FileVersion.parse("1.2.3.4.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileVersion.parse("1.65536")).hasMessageContaining("65536");
        assertThatThrownBy(() -> FileVersion.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileVersion.parse("1..2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileVersion(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
