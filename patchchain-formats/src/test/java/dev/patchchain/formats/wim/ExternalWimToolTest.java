package dev.patchchain.formats.wim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external backend applies what our reader does not decode (solid LZMS): it yields every file of the source tree
 * with the source's bytes, keeps to its size limit, and leaves no temporary directory behind.
 */
class ExternalWimToolTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static Path source;
    static Path solid;

    @BeforeAll
    static void wim() throws Exception {
        WimTools.require();
        source = SourceTree.build(dir.resolve("src"));
        solid = WimTools.capture(source, dir.resolve("solid.wim"), "LZMS", "--solid");
    }

    @Test
    void appliesASolidLzmsImageByteForByte() throws Exception {
        ExternalWimTool tool = ExternalWimTool.find().orElseThrow();
        Path root;
        try (ExtractedImage image = tool.apply(solid, 1, 1L << 30, TIMEOUT)) {
            root = image.root();
            List<String> files = image.files();
            List<String> oracle = WimTools.dir(solid).stream()
                    .filter(p -> Files.isRegularFile(source.resolve(p.replace('\\', '/')), LinkOption.NOFOLLOW_LINKS))
                    .toList();
            assertThat(files).containsExactlyInAnyOrderElementsOf(oracle);
            for (String f : files) {
                assertThat(SourceTree.sha256(image.contents(f))).as(f)
                        .isEqualTo(SourceTree.sha256(Files.readAllBytes(source.resolve(f.replace('\\', '/')))));
            }
            System.out.println("LZMS solid through " + ExternalWimTool.EXECUTABLE + ": " + files.size()
                    + " files compared byte for byte");
            assertThatThrownBy(() -> image.contents("..\\..\\etc\\passwd")).isInstanceOf(FormatException.class);
        }
        assertThat(root.getParent()).doesNotExist();
    }

    @Test
    void isFoundOnlyAsAnExecutableInAPathDirectory() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertThat(ExternalWimTool.find("")).isEmpty();
        assertThat(ExternalWimTool.find(bin.toString())).isEmpty();
        Path fake = Files.writeString(bin.resolve(ExternalWimTool.EXECUTABLE), "#!/bin/sh\n");
        assertThat(ExternalWimTool.find(bin.toString())).isEmpty();
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        assertThat(ExternalWimTool.find("/nonexistent" + java.io.File.pathSeparator + bin)).isPresent();
    }

    @Test
    void refusesAnImageOverTheLimitBeforeApplyingIt() throws Exception {
        ExternalWimTool tool = ExternalWimTool.find().orElseThrow();
        assertThatThrownBy(() -> tool.apply(solid, 1, 1000, TIMEOUT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining("over the limit of 1000");
    }

    @Test
    void anImageThatUnderstatesItsSizeIsStoppedAtTheLimitAndLeavesNothing() throws Exception {
        Path big = Files.createDirectories(dir.resolve("big"));
        Files.write(big.resolve("zeros.bin"), new byte[5_000_000]);
        Path wim = WimTools.capture(big, dir.resolve("liar.wim"), "LZMS", "--solid");
        Process p = new ProcessBuilder(ExternalWimTool.EXECUTABLE, "info", wim.toString(), "1",
                "--image-property", "TOTALBYTES=1").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        long tempDirsBefore = tempDirs();

        assertThatThrownBy(() -> ExternalWimTool.find().orElseThrow().apply(wim, 1, 1_000_000, TIMEOUT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
        assertThat(tempDirs()).isEqualTo(tempDirsBefore);
    }

    private static long tempDirs() throws Exception {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("patchchain-wim-")).count();
        }
    }

    @Test
    void aFailingRunIsUnsupportedWithTheToolsWords() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.wim"), "not a wim");
        ExternalWimTool tool = ExternalWimTool.find().orElseThrow();
        assertThatThrownBy(() -> tool.apply(junk, 1, 1L << 30, TIMEOUT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining(ExternalWimTool.EXECUTABLE);
    }
}
