package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.patchchain.core.version.FileVersion;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The WinSxS directory-name grammar: real names, generated round trips, and malformed names. */
class WinSxsNameTest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789.-";

    @Test
    void aRealNameParses() {
        WinSxsName n = WinSxsName.parse("amd64_microsoft-windows-shell32_31bf3856ad364e35_10.0.19041.3636_none_2b8d9cd8f3f2b7d2");
        assertThat(n.arch()).isEqualTo("amd64");
        assertThat(n.name()).isEqualTo("microsoft-windows-shell32");
        assertThat(n.token()).isEqualTo("31bf3856ad364e35");
        assertThat(n.version()).isEqualTo(FileVersion.parse("10.0.19041.3636"));
        assertThat(n.culture()).isEqualTo("none");
        assertThat(n.hash()).isEqualTo("2b8d9cd8f3f2b7d2");
        assertThat(n.family()).isEqualTo("amd64_microsoft-windows-shell32_31bf3856ad364e35_none");
    }

    @Test
    void anAbbreviatedNameMatchesItsFullIdentity() {
        WinSxsName n = WinSxsName.parse("amd64_microsoft-windows-a..ence-infrastructure_31bf3856ad364e35_10.0.1.2_en-us_0123456789abcdef");
        ComponentIdentity full = new ComponentIdentity("Microsoft-Windows-Application-Experience-Infrastructure",
                FileVersion.parse("10.0.1.2"), "amd64", "31bf3856ad364e35", "en-US");
        assertThat(full.matches(n)).isTrue();
        ComponentIdentity other = new ComponentIdentity("Microsoft-Windows-Audio-Infrastructure",
                FileVersion.parse("10.0.1.2"), "amd64", "31bf3856ad364e35", "en-US");
        assertThat(other.matches(n)).isFalse();
        ComponentIdentity neutral = new ComponentIdentity(full.name(), full.version(), "amd64", "31bf3856ad364e35", "neutral");
        assertThat(neutral.matches(n)).as("culture none is not en-us").isFalse();
    }

    @Test
    void generatedNamesRoundTrip() {
        long seed = new Random().nextLong();
        System.out.println("WinSxsNameTest round trip seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            String name = word(random, 1 + random.nextInt(40)) + (random.nextInt(5) == 0 ? "_" + word(random, 5) : "");
            WinSxsName n = new WinSxsName(pick(random, "amd64", "x86", "wow64", "msil", "arm64"), name,
                    random.nextBoolean() ? "none" : hex(random, 16),
                    new FileVersion(random.nextInt(65536), random.nextInt(65536), random.nextInt(65536), random.nextInt(65536)),
                    pick(random, "none", "en-us", "de-de"), hex(random, 1 + random.nextInt(16)));
            WinSxsName back = WinSxsName.parse(n.toString());
            assertThat(back).as("seed %d: %s", seed, n).isEqualTo(n);
            assertThat(WinSxsName.parse(n.toString().toUpperCase())).as("seed %d, upper case", seed).isEqualTo(n);
        }
    }

    @Test
    void malformedNamesGiveOnlyTypedErrors() {
        long seed = new Random().nextLong();
        System.out.println("WinSxsNameTest malformed seed " + seed);
        Random random = new Random(seed);
        String good = "amd64_microsoft-windows-foo_31bf3856ad364e35_10.0.1.2_none_0123456789abcdef";
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder(good);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, (char) random.nextInt(128));
                    default -> s.setCharAt(at, pick(random, "_", ".", "9", "/", "\\", " ", "\u00e9").charAt(0));
                }
            }
            try {
                WinSxsName parsed = WinSxsName.parse(s.toString());
                assertThat(WinSxsName.parse(parsed.toString())).as("seed %d: %s", seed, s).isEqualTo(parsed);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).as("seed %d: %s", seed, s).isNotBlank();
            } catch (RuntimeException other) {
                fail("seed " + seed + ": " + s + " threw " + other);
            }
        }
    }

    @Test
    void specificMalformedNamesSayWhy() {
        assertThatThrownBy(() -> WinSxsName.parse("Manifests")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected arch_name_token_version_culture_hash");
        assertThatThrownBy(() -> WinSxsName.parse("amd64_foo_31bf3856ad364e35_10.0.x.2_none_ab"))
                .hasMessageContaining("is not four numbers");
        assertThatThrownBy(() -> WinSxsName.parse("amd64_foo_31bf3856ad364e35_10.0.70000.2_none_ab"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WinSxsName.parse("amd64_foo_xyz_10.0.1.2_none_ab")).hasMessageContaining("public key token");
        assertThatThrownBy(() -> WinSxsName.parse("amd64__31bf3856ad364e35_10.0.1.2_none_ab")).hasMessageContaining("name");
        assertThatThrownBy(() -> WinSxsName.parse("a".repeat(300))).hasMessageContaining("over 255");
    }

    private static String word(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static String hex(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
