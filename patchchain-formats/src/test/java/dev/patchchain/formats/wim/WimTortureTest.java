package dev.patchchain.formats.wim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged WIMs (every truncation, seeded byte mutations weighted toward the header, the blob table and the metadata)
 * give a result or a {@link FormatException}, nothing else, and each in bounded time. The seed is printed; replay
 * with {@code -Dpatchchain.seed=N}.
 */
class WimTortureTest {

    private static final WimLimits LIMITS = new WimLimits(10_000, 4 << 20, 4 << 20);
    private static final int MUTANTS = 3_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "XPRESS", "LZX", "XPRESS solid"})
    void truncationsAndMutationsFailTypedAndFast(String variant) throws Exception {
        String compression = variant.split(" ")[0];
        String[] options = variant.endsWith(" solid") ? new String[] {"--solid", "--solid-compress=" + compression}
                : new String[0];
        Path src = Files.createDirectories(dir.resolve("src/sub/deeper"));
        Files.writeString(dir.resolve("src/a.txt"), "alpha ".repeat(3000), StandardCharsets.UTF_8);
        Files.writeString(src.resolve("b.txt"), "beta\n");
        Files.createFile(dir.resolve("src/sub/empty"));
        Files.createLink(dir.resolve("src/sub/a-link.txt"), dir.resolve("src/a.txt"));
        byte[] wim = Files.readAllBytes(WimTools.capture(dir.resolve("src"), dir.resolve("t.wim"), compression, options));
        assertThat(readAll(wim)).isEqualTo(4);

        for (int length = 0; length < wim.length; length++) {
            readOrFailTyped(Arrays.copyOf(wim, length), "truncated to " + length);
        }
        String fixed = System.getProperty("patchchain.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        System.out.println("[seed] WimTortureTest " + variant + ": " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = wim.clone();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int at = random.nextInt(3) == 0 ? random.nextInt(WimHeader.SIZE) : random.nextInt(mutant.length);
                switch (random.nextInt(3)) {
                    case 0 -> mutant[at] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> mutant[at] = (byte) random.nextInt(256);
                    default -> mutant[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
                }
            }
            readOrFailTyped(mutant, "mutant " + i + " of seed " + seed);
        }
    }

    private static void readOrFailTyped(byte[] data, String what) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                readAll(data);
            } catch (FormatException expected) {
                // typed
            } catch (Exception | Error e) {
                throw new AssertionError(what + ": " + e, e);
            }
        }, what);
    }

    @Test
    void deepLongNamesAreRefusedBeforeTheirPathsFillTheHeap() throws Exception {
        Path deepest = dir.resolve("src");
        for (int level = 0; level < 14; level++) {
            deepest = deepest.resolve(Character.toString('a' + level).repeat(250));
        }
        Files.createDirectories(deepest);
        for (int i = 0; i < 400; i++) {
            Files.createFile(deepest.resolve("f" + i));
        }
        byte[] wim = Files.readAllBytes(WimTools.capture(dir.resolve("src"), dir.resolve("deep.wim"), "none"));
        // 400 paths of about 3,500 characters: over a quarter of the 4 MiB metadata limit in characters
        assertThat(LIMITS.maxTotalPathChars()).isEqualTo(1 << 20);

        FormatException refused = Assertions.assertThrows(FormatException.class, () -> readAll(wim));
        assertThat(refused.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED);
        assertThat(refused).hasMessageContaining("paths total more than 1048576 characters");
        try (WimFile file = WimReader.open(wim, "deep.wim", WimLimits.DEFAULT)) {
            assertThat(file.image(1).entries()).hasSize(414);
        }
    }

    private static int readAll(byte[] data) throws Exception {
        int files = 0;
        try (WimFile wim = WimReader.open(data, "torture.wim", LIMITS)) {
            for (int i = 1; i <= wim.imageCount(); i++) {
                for (WimEntry e : wim.image(i).entries()) {
                    if (!e.directory()) {
                        wim.contents(e);
                        files++;
                    }
                }
            }
        }
        return files;
    }
}
