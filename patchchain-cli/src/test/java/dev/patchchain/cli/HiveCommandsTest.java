package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --hive}, {@code --image} reading the image's own SYSTEM hive, and {@code hive get|export}. */
class HiveCommandsTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";

    @TempDir
    Path dir;
    private byte[] system;

    @BeforeEach
    void hive() {
        byte[] queue = MultiSz.of(List.of(
                "\\??\\C:\\Windows\\Temp\\fix1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll")).encode();
        system = new RegfBuilder()
                .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value(SM, "PendingFileRenameOperations", 7, queue)
                .value(SM, "ObjectDirectories", 7, MultiSz.of(List.of("\\Windows")).encode())
                .build();
    }

    @Test
    void queueCheckReadsAHiveFile() throws Exception {
        Files.write(dir.resolve("SYSTEM"), system);
        new TestImage(dir.resolve("img")).pe("C:\\Windows\\System32\\a.dll", "1.0.0.0")
                .pe("C:\\Windows\\Temp\\fix1\\a.dll", "3.0.0.0").pe("C:\\Windows\\Temp\\fix2\\a.dll", "2.0.0.0");

        CliRun run = CliRun.run(dir, "queue", "check", "--hive", "SYSTEM", "--image", "img", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.json().get("input").get("queue").asText()).contains("ControlSet001");
        assertThat(run.json().get("findings").toString()).contains("DOWNGRADE");
    }

    @Test
    void imageAloneReadsItsOwnSystemHiveCaseInsensitively() throws Exception {
        TestImage image = new TestImage(dir.resolve("img")).pe("C:\\windows\\system32\\a.dll", "1.0.0.0")
                .pe("C:\\windows\\temp\\fix1\\a.dll", "3.0.0.0").pe("C:\\windows\\temp\\fix2\\a.dll", "2.0.0.0");
        Path config = image.file("C:\\windows\\system32\\CONFIG\\system");
        Files.createDirectories(config.getParent());
        Files.write(config, system);

        CliRun chain = CliRun.run(dir, "queue", "chain", "--image", "img", "--out", "chained.reg");

        assertThat(chain.exit()).as(chain.out() + chain.err()).isZero();
        assertThat(chain.out()).contains("superseded by op #0");
        assertThat(CliRun.run(dir, "queue", "check", "--reg", "chained.reg", "--image", "img").exit()).isZero();
    }

    @Test
    void imageWithoutASystemHiveSaysWhatIsMissing() throws Exception {
        Files.createDirectories(dir.resolve("img"));

        CliRun run = CliRun.run(dir, "queue", "show", "--image", "img");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("System32\\config\\SYSTEM");
    }

    @Test
    void hiveGetDecodesValuesAndExportWritesRegText() throws Exception {
        Files.write(dir.resolve("SYSTEM"), system);

        CliRun get = CliRun.run(dir, "hive", "get", "SYSTEM", SM, "PendingFileRenameOperations", "--json");
        assertThat(get.exit()).as(get.err()).isZero();
        JsonNode value = get.json().get("values").get(0);
        assertThat(value.get("type").asText()).isEqualTo("REG_MULTI_SZ");
        assertThat(value.get("strings")).hasSize(4);
        assertThat(value.get("strings").get(1).asText()).isEqualTo("!\\??\\C:\\Windows\\System32\\a.dll");

        CliRun export = CliRun.run(dir, "hive", "export", "SYSTEM", "ControlSet001");
        assertThat(export.exit()).isZero();
        assertThat(export.out()).startsWith("Windows Registry Editor Version 5.00")
                .contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Session Manager]")
                .contains("\"PendingFileRenameOperations\"=hex(7):5c,00,3f,00");

        assertThat(CliRun.run(dir, "hive", "get", "SYSTEM", "No\\Such\\Key").exit()).isEqualTo(2);
        assertThat(CliRun.run(dir, "hive", "get", "SYSTEM", SM, "Nope").err()).contains("no value \"Nope\"");
    }

    @Test
    void notAHiveIsAnInputError() throws Exception {
        Files.writeString(dir.resolve("SYSTEM"), "not a hive");

        CliRun run = CliRun.run(dir, "queue", "show", "--hive", "SYSTEM");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("SYSTEM");
    }
}
