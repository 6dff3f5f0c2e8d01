package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.authenticode.AuthenticodeHash;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.sign.CatalogBuilder;
import dev.patchchain.testing.sign.Osslsigncode;
import dev.patchchain.testing.sign.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchchain signature}: inline, catalog and unsigned files in a directory, and its exit codes. */
class SignatureCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Osslsigncode.require();
        Instant now = Instant.now();
        TestPki pki = TestPki.create(dir, "Alice", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        Path files = Files.createDirectory(dir.resolve("files"));
        Path plain = Files.write(dir.resolve("plain.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("1.0")).build());
        Osslsigncode.sign(pki, plain, files.resolve("inline.dll"), "sha256", Optional.of(now));
        Path listed = Files.write(files.resolve("listed.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("2.0"))
                .build());
        Files.write(files.resolve("unsigned.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("3.0")).build());
        Files.writeString(files.resolve("readme.txt"), "not a PE");
        Path catalogs = Files.createDirectory(dir.resolve("catroot"));
        Files.write(catalogs.resolve("nt5.cat"), new CatalogBuilder()
                .member(AuthenticodeHash.compute(listed, "SHA-256"), "listed.dll").build());
    }

    @Test
    void everyPeFileGetsItsVerdict() {
        CliRun run = CliRun.run(dir, "signature", "files", "--catalogs", "catroot", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        Map<String, String> status = new LinkedHashMap<>();
        for (JsonNode f : run.json().get("files")) {
            status.put(Path.of(f.get("path").asText()).getFileName().toString(),
                    f.get("status").asText() + " " + f.get("source").asText());
        }
        assertThat(status).containsExactly(Map.entry("inline.dll", "VALID inline"),
                Map.entry("listed.dll", "VALID catalog nt5.cat"), Map.entry("unsigned.dll", "UNSIGNED "));
        assertThat(run.err()).contains("3 PE file(s), 2 validly signed, 1 other file(s) skipped");
    }

    @Test
    void aSignedFileAloneIsCleanAndANamedNonPeIsAnInputError() {
        CliRun signed = CliRun.run(dir, "signature", "files/inline.dll");
        assertThat(signed.exit()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("VALID").contains("CN=Alice Code Signing");

        assertThat(CliRun.run(dir, "signature", "files/readme.txt").exit()).isEqualTo(2);
    }
}
