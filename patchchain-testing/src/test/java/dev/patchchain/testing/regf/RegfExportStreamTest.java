package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegFileWriter;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.reg.RegValue;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streamed export ({@link RegfExport#write}, {@code RegTextWriter}) against the text the model and the
 * former writer ({@link ReferenceRegText}) give: byte for byte on every corpus hive, strict and lenient, and on
 * seeded random files.
 */
class RegfExportStreamTest {

    private static final String PREFIX = "HKEY_LOCAL_MACHINE\\SYSTEM";

    @Test
    void streamedExportOfEveryCorpusHiveIsTheFormerText() throws IOException {
        Path root = Corpus.require("hives");
        int compared = 0;
        for (Path hive : hives(root)) {
            for (RegfOptions options : List.of(RegfOptions.STRICT, RegfOptions.LENIENT)) {
                String expected;
                try (RegfHive h = RegfHive.open(hive, options)) {
                    expected = ReferenceRegText.toText(RegfExport.export(h.rootKey(), PREFIX));
                } catch (FormatException e) {
                    assertThatThrownBy(() -> streamed(hive, options)).as(hive.toString())
                            .isInstanceOf(FormatException.class).hasMessage(e.getMessage());
                    continue;
                }
                assertThat(streamed(hive, options)).as("%s, %s", hive, options).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    @Test
    void writerMatchesTheFormerTextOnSeededRandomFiles() {
        Random random = Seeds.random("RegfExportStreamTest");
        for (int round = 0; round < 300; round++) {
            List<RegKeyBlock> keys = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                List<RegValue> values = new ArrayList<>();
                for (int v = random.nextInt(6); v > 0; v--) {
                    values.add(randomValue(random));
                }
                boolean delete = random.nextInt(5) == 0;
                keys.add(new RegKeyBlock("HKEY_CURRENT_USER\\" + text(random, 1 + random.nextInt(20)), delete,
                        delete ? List.of() : values));
            }
            RegFile file = RegFile.of(keys);
            assertThat(RegFileWriter.toText(file)).as("round %d", round).isEqualTo(ReferenceRegText.toText(file));
        }
    }

    private static String streamed(Path hive, RegfOptions options) throws IOException {
        try (RegfHive h = RegfHive.open(hive, options)) {
            StringWriter out = new StringWriter();
            RegfExport.write(h.rootKey(), PREFIX, out);
            return out.toString();
        }
    }

    private static RegValue randomValue(Random random) {
        String name = random.nextInt(6) == 0 ? "" : text(random, 1 + random.nextInt(90));
        int[] types = {RegValue.REG_NONE, RegValue.REG_SZ, RegValue.REG_BINARY, RegValue.REG_DWORD,
            RegValue.REG_MULTI_SZ, 0x10000, 0xffffffff};
        int type = types[random.nextInt(types.length)];
        return switch (random.nextInt(5)) {
            case 0 -> RegValue.deletion(name);
            case 1 -> RegValue.of(name, type, (text(random, random.nextInt(50)) + "\0").getBytes(StandardCharsets.UTF_16LE));
            default -> {
                byte[] data = new byte[random.nextInt(random.nextBoolean() ? 5 : 300)];
                random.nextBytes(data);
                yield RegValue.of(name, type, data);
            }
        };
    }

    /** Text with every character the writer treats specially, and unpaired surrogates. */
    private static String text(Random random, int length) {
        String alphabet = "abcXYZ09 _-\\\"'[]=@;:,.\u00e9\u20ac\u4e2d\n\r\0\ud83d\ude00";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static List<Path> hives(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.log[12]?"))
                    .filter(p -> !p.toString().contains("records_for_tests")).sorted().toList();
        }
    }
}
