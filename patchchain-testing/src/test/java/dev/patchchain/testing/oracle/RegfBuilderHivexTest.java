package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hives {@link RegfBuilder} writes are valid for hivex too, so tests built on them test real hives. */
class RegfBuilderHivexTest {

    @ParameterizedTest
    @EnumSource(RegfBuilder.ListKind.class)
    void hivexReadsWhatTheBuilderWrites(RegfBuilder.ListKind kind, @TempDir Path dir) throws IOException {
        Corpus.requireTool(HivexExport.TOOL, "checks the test hive builder");
        byte[] big = new byte[20_000];
        big[19_999] = 42;
        Path hive = Files.write(dir.resolve("hive"), new RegfBuilder().listKind(kind)
                .value("A\\B", "dword", 4, new byte[] {1, 2, 3, 4})
                .value("A\\B", "big", 3, big)
                .value("C", "", 7, "x\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE))
                .key("A\\D").key("E").key("F").build());
        Map<String, List<HivexExport.Value>> keys = HivexExport.export(hive);
        assertThat(keys).isNotNull();
        assertThat(keys.keySet()).containsExactlyInAnyOrder("", "A", "A\\B", "A\\D", "C", "E", "F");
        assertThat(keys.get("A\\B")).contains(new HivexExport.Value("dword", 4, "01020304"));
        assertThat(keys.get("A\\B")).anyMatch(v -> v.name().equals("big") && v.hex().length() == 40_000
                && v.hex().endsWith("2a"));
        assertThat(keys.get("C")).containsExactly(new HivexExport.Value("", 7, "780000000000"));
    }
}
