package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVersionCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        new TestImage(dir).pe("C:\\sys\\a.dll", "10.0.19041.1").pe("C:\\sys\\sub\\b.dll", "1.2.65535.4");
        Files.writeString(dir.resolve("sys/readme.txt"), "not a PE file");
    }

    @Test
    void directoriesAreSearchedAndOtherFilesSkipped() {
        CliRun run = CliRun.run(dir, "file-version", "sys", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("files")).hasSize(2);
        assertThat(json.get("files").get(0).get("file_version").asText()).isEqualTo("10.0.19041.1");
        assertThat(json.get("files").get(1).get("file_version").asText()).isEqualTo("1.2.65535.4");
        assertThat(json.get("files").get(0).get("machine").asText()).isEqualTo("x64");
        assertThat(json.get("skipped_not_pe").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("2 PE file(s)").contains("1 other file(s) skipped");
    }

    @Test
    void csvHasAHeaderAndOneRowPerFile() {
        CliRun run = CliRun.run(dir, "file-version", "--csv", "sys/a.dll");

        assertThat(run.exit()).isZero();
        assertThat(run.out().split("\r\n")).hasSize(2);
        assertThat(run.out()).startsWith("path,file_version,product_version,machine").contains(",10.0.19041.1,");
    }

    @Test
    void aNamedFileThatIsNotAPeFileIsAnInputError() {
        CliRun run = CliRun.run(dir, "file-version", "sys/readme.txt");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("ERROR").contains("readme.txt");
    }

    @Test
    void aMissingPathIsAnInputError() {
        CliRun run = CliRun.run(dir, "file-version", "nothing.dll");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nothing.dll");
    }
}
