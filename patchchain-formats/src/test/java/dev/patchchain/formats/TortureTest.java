package dev.patchchain.formats;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.json.JsonQueueFormat;
import dev.patchchain.formats.json.PackageManifestFormat;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.regquery.RegQueryParser;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every parser on every truncation and on seeded bit flips of its fixtures: success or our typed exception only. */
class TortureTest {

    /** A parser under torture. */
    private interface Parser {
        void parse(byte[] data) throws FormatException;
    }

    private static final List<String> REG = List.of("reg/session-manager-wine-export.reg", "reg/regedit4-ansi.reg");
    private static final List<String> QUERY = List.of("regquery/wine-query-key.txt", "regquery/windows-query-utf16.txt");
    private static final List<String> JSON = List.of("json/example.json");
    private static final List<String> MANIFEST = List.of("json/package-manifest-example.json");

    @Test
    void regFileReader() {
        torture(REG, data -> RegFileReader.read(data, "t.reg"), "reg reader torture");
    }

    @Test
    void regQueryParser() {
        torture(QUERY, data -> RegQueryParser.parse(data, "t.txt", PathContext.DEFAULT), "reg query torture");
    }

    @Test
    void jsonQueueFormat() {
        torture(JSON, data -> JsonQueueFormat.read(data, "t.json"), "json torture");
    }

    @Test
    void packageManifestFormat() {
        torture(MANIFEST, data -> PackageManifestFormat.read(data, "m.json"), "manifest torture");
    }

    private static void torture(List<String> fixtures, Parser parser, String name) {
        Random random = Fixtures.random(name);
        for (String fixture : fixtures) {
            byte[] data = Fixtures.bytes(fixture);
            for (int length = 0; length <= data.length; length++) {
                survives(parser, Arrays.copyOf(data, length), fixture + " cut at " + length);
            }
            for (int round = 0; round < 2000; round++) {
                byte[] flipped = data.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                survives(parser, flipped, fixture + " flipped, round " + round);
            }
        }
    }

    private static void survives(Parser parser, byte[] data, String what) {
        assertThatCode(() -> {
            try {
                parser.parse(data);
            } catch (FormatException expected) {
                // the one allowed failure
            }
        }).as(what).doesNotThrowAnyException();
    }
}
