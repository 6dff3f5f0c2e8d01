package dev.patchchain.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core does no I/O: no main source imports files, networking or databases (STYLE.md, guideline 1). */
class CorePurityTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(java\\.io\\.File|java\\.io\\.FileInputStream|java\\.io\\.FileOutputStream"
                    + "|java\\.io\\.RandomAccessFile|java\\.nio\\.file|java\\.nio\\.channels|java\\.net|java\\.sql"
                    + "|javax\\.sql)\\b.*", Pattern.MULTILINE);

    @Test
    void mainSourcesImportNoIo() throws IOException {
        Path sources = Paths.get("src/main/java");
        assertThat(sources).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(FORBIDDEN.matcher(text).find())
                    .as("%s imports an I/O, network or database API", file)
                    .isFalse();
            assertThat(text).as("%s uses a fully qualified I/O type", file)
                    .doesNotContain("java.nio.file.").doesNotContain("java.io.File ").doesNotContain("java.net.");
        }
    }

    @Test
    void theCheckCatchesAnIoImport() {
        assertThat(FORBIDDEN.matcher("package x;\nimport java.nio.file.Path;\n").find()).isTrue();
        assertThat(FORBIDDEN.matcher("package x;\nimport java.util.List;\n").find()).isFalse();
    }
}
