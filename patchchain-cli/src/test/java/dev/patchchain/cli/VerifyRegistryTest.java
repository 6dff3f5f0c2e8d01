package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --image} with the image's SOFTWARE hive as inventory and (legacy file lists) catalog. */
class VerifyRegistryTest {

    private static final String XP = "Microsoft\\Updates\\Windows XP\\SP3\\KB958644";
    private static final String PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";

    @TempDir
    Path dir;

    private TestImage image(String onDisk) throws Exception {
        TestImage image = new TestImage(dir.resolve("img")).pe("C:\\Windows\\System32\\netapi32.dll", onDisk);
        byte[] software = new RegfBuilder()
                .value(XP, "Description", 1, sz("Security Update for Windows XP (KB958644)"))
                .value(XP + "\\Filelist\\0", "FileName", 1, sz("netapi32.dll"))
                .value(XP + "\\Filelist\\0", "Location", 1, sz("%SystemRoot%\\System32"))
                .value(XP + "\\Filelist\\0", "Version", 1, sz("5.1.2600.5694"))
                .value(PACKAGES + "Package_for_KB4565511~31bf3856ad364e35~amd64~~10.0.1.6", "CurrentState", 4,
                        new byte[] {0x70, 0, 0, 0})
                .build();
        Files.write(image.file("C:\\Windows\\System32\\config\\SOFTWARE"), software);
        return image;
    }

    @Test
    void legacyRecordsAreAQfecheckWithoutACatalog() throws Exception {
        Files.createDirectories(dir.resolve("img/Windows/System32/config"));
        image("5.1.2600.5512");
        CliRun run = CliRun.run(dir, "verify", "--image", "img", "--json");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode updates = run.json().get("updates");
        assertThat(updates).extracting(u -> u.get("id").asText()).contains("KB958644", "KB4565511");
        assertThat(updates).filteredOn(u -> u.get("id").asText().equals("KB958644")).singleElement()
                .satisfies(u -> assertThat(u.get("status").asText()).isEqualTo("REGRESSED"));
        assertThat(updates).filteredOn(u -> u.get("id").asText().equals("KB4565511")).singleElement()
                .satisfies(u -> assertThat(u.get("status").asText()).isEqualTo("UNVERIFIABLE"));
        assertThat(run.json().get("inputs").toString()).contains("SOFTWARE hive");
    }

    @Test
    void theFixedVersionOnDiskIsCurrent() throws Exception {
        Files.createDirectories(dir.resolve("img/Windows/System32/config"));
        image("5.1.2600.5694");
        CliRun run = CliRun.run(dir, "verify", "--image", "img");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("KB958644: current on system");
    }

    @Test
    void withoutCatalogAndWithoutRegistryFileListsItIsAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("img"));
        CliRun run = CliRun.run(dir, "verify", "--image", "img");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give at least one --catalog FILE");
    }

    private static byte[] sz(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
