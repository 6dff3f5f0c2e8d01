package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent reader agrees with what {@link PeBuilder} writes: pefile sees the machine, the fixed versions and
 * the strings, for PE32 and PE32+ images with one or several languages. Skipped without python3-pefile, except
 * under {@code CI=true}.
 */
class PeBuilderPefileTest {

    private static final int IMAGES = 60;

    @Test
    void pefileReadsBuiltImagesAsOurReaderDoes(@TempDir Path dir) throws Exception {
        Pefile.require();
        Random random = Seeds.random("PE builder vs pefile");
        Map<Path, PeVersionInfo> ours = new LinkedHashMap<>();
        for (int n = 0; n < IMAGES; n++) {
            PeBuilder builder = PeBuilder.dll()
                    .fileVersion(FileVersion.fromMsLs(random.nextInt(), random.nextInt()))
                    .productVersion(FileVersion.fromMsLs(random.nextInt(), random.nextInt()))
                    .string("CompanyName", "Company " + n)
                    .string("OriginalFilename", "image" + n + ".dll");
            if (n % 2 == 1) {
                builder.pe32();
            }
            // pefile reports the first language's resource: keep the one our reader prefers first.
            builder.language(n % 3 == 0 ? 0 : 0x409);
            if (n % 4 == 0) {
                builder.language(0x407 + n);
            }
            Path file = Files.write(dir.resolve("image" + n + ".dll"), builder.build());
            ours.put(file, PeVersionReader.read(file));
        }
        Path plain = Files.write(dir.resolve("plain.dll"), PeBuilder.dll().build());
        ours.put(plain, PeVersionReader.read(plain));

        Map<Path, Pefile.Result> theirs = Pefile.run(new ArrayList<>(ours.keySet()), dir);

        assertThat(theirs).hasSameSizeAs(ours);
        ours.forEach((file, info) -> {
            Pefile.Result oracle = theirs.get(file);
            assertThat(oracle.machine()).as(file.toString()).isEqualTo(Integer.toHexString(info.machine()));
            assertThat(oracle.fileVersion()).as(file.toString())
                    .isEqualTo(info.fileVersion().map(FileVersion::toString).orElse(""));
            assertThat(oracle.productVersion()).as(file.toString())
                    .isEqualTo(info.productVersion().map(FileVersion::toString).orElse(""));
            List<String> strings = new ArrayList<>();
            info.strings().forEach((k, v) -> strings.add(k + "=" + v));
            assertThat(oracle.strings()).as(file.toString()).isEqualTo(strings);
        });
    }
}
