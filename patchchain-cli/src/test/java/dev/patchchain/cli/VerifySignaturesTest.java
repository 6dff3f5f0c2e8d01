package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.machine.LiveWindowsOpener;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.formats.authenticode.AuthenticodeHash;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import dev.patchchain.platform.registry.FakeAdvapi;
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

/**
 * {@code verify --signatures}: an image whose files are all current by version, signed by Alice inline, listed in a
 * CatRoot catalog we build, unsigned, or changed by one byte after signing.
 */
class VerifySignaturesTest {

    private static final String SYSTEM32 = "C:\\Windows\\System32\\";
    private static final String CATROOT = "C:\\Windows\\System32\\CatRoot\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}\\";
    /** Zero padding after PeBuilder's section table, inside the headers: hashed, read by no parser. */
    private static final int TAMPERED_BYTE = 0x1F0;

    @TempDir
    Path dir;

    private TestImage image;

    @BeforeEach
    void image() throws Exception {
        Osslsigncode.require();
        Instant now = Instant.now();
        TestPki alice = TestPki.create(dir, "Alice", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        image = new TestImage(dir.resolve("img"));
        for (String name : new String[] {"inline.dll", "tampered.dll", "listedtampered.dll"}) {
            image.pe(SYSTEM32 + name + ".plain", "1.0.0.0");
        }
        image.pe(SYSTEM32 + "listed.dll", "1.0.0.0");
        image.pe(SYSTEM32 + "plain.dll", "1.0.0.1"); // newer, so current, and not the same bytes as listed.dll
        sign(alice, image.file(SYSTEM32 + "inline.dll"));
        sign(alice, image.file(SYSTEM32 + "tampered.dll"));
        flipOneByte(image.file(SYSTEM32 + "tampered.dll"));
        Files.move(image.file(SYSTEM32 + "listedtampered.dll.plain"), image.file(SYSTEM32 + "listedtampered.dll"));
        Path cat = image.file(CATROOT + "patchchain-test.cat");
        Files.createDirectories(cat.getParent());
        Files.write(cat, new CatalogBuilder()
                .member(AuthenticodeHash.compute(image.file(SYSTEM32 + "listed.dll"), "SHA-256"), "listed.dll")
                .member(AuthenticodeHash.compute(image.file(SYSTEM32 + "listedtampered.dll"), "SHA-256"),
                        "listedtampered.dll")
                .build());
        flipOneByte(image.file(SYSTEM32 + "listedtampered.dll"));
        StringBuilder files = new StringBuilder();
        for (String name : new String[] {"inline.dll", "tampered.dll", "listed.dll", "listedtampered.dll", "plain.dll"}) {
            files.append(files.isEmpty() ? "" : ",").append("{\"path\": \"C:\\\\Windows\\\\System32\\\\").append(name)
                    .append("\", \"version\": \"1.0.0.0\"}");
        }
        Files.writeString(dir.resolve("catalog.json"), """
                {"format": "patchchain-update-catalog", "version": 1,
                 "updates": [{"kb": "KB1", "files": [%s]}]}
                """.formatted(files));
    }

    @Test
    void eachFileCurrentByVersionGetsItsSignatureVerdictWithTheEvidence() {
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img", "--signatures", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        Map<String, JsonNode> files = files(run.json());
        assertThat(files.get("inline.dll").get("status").asText()).isEqualTo("CURRENT");
        assertThat(files.get("inline.dll").get("signature").get("signer").asText()).isEqualTo("CN=Alice Code Signing");
        assertThat(files.get("listed.dll").get("status").asText()).isEqualTo("CURRENT");
        assertThat(files.get("listed.dll").get("detail").asText()).contains("catalog patchchain-test.cat");
        assertThat(files.get("tampered.dll").get("status").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(files.get("tampered.dll").get("detail").asText())
                .contains("CN=Alice Code Signing", "inline HASH_MISMATCH");
        assertThat(files.get("tampered.dll").get("now").asText()).isEqualTo("1.0.0.0");
        assertThat(files.get("listedtampered.dll").get("status").asText()).isEqualTo("NOT_IN_CATALOG");
        assertThat(files.get("plain.dll").get("status").asText()).isEqualTo("NOT_IN_CATALOG");
        assertThat(files.get("plain.dll").get("detail").asText()).contains("none of the image's 1 catalogs");
        assertThat(run.json().get("signatureFailure").asBoolean()).isTrue();
        assertThat(run.json().get("regression").asBoolean()).isFalse();
        assertThat(run.json().get("updates").get(0).get("status").asText()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void theLiveDriveGivesTheSameVerdictsAsTheImage() {
        FakeAdvapi api = new FakeAdvapi()
                .value("SYSTEM\\Select", "Current", RegistryValue.REG_DWORD, new byte[] {1, 0, 0, 0})
                .key("SYSTEM\\ControlSet001\\Control\\Session Manager")
                .key("SOFTWARE\\Microsoft\\Windows\\CurrentVersion");
        LiveWindowsOpener windows = environment -> new LiveWindows(api.view("SYSTEM"), api.view("SOFTWARE"),
                Map.of("SystemRoot", "C:\\Windows"), dir.resolve("img"), new PeFileInspector());

        CliRun live = CliRun.runLive(dir, windows, "verify", "--catalog", "catalog.json", "--live", "--signatures",
                "--trust-store", "Alice-ca.pem", "--json");
        CliRun offline = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img", "--signatures",
                "--trust-store", "Alice-ca.pem", "--json");

        assertThat(live.exit()).as(live.err()).isEqualTo(1);
        assertThat(files(live.json()).get("listed.dll").get("status").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(files(live.json())).hasSize(5).allSatisfy((name, file) -> {
            JsonNode same = files(offline.json()).get(name);
            assertThat(file.get("status")).as(name).isEqualTo(same.get("status"));
            assertThat(file.get("signature").get("signer")).as(name).isEqualTo(same.get("signature").get("signer"));
        });
        assertThat(live.json().get("signatureFailure")).isEqualTo(offline.json().get("signatureFailure"));
    }

    @Test
    void aCatalogWhoseSignerIsNotTrustedMakesItsMembersInvalidAndNamesTheCatalog() throws Exception {
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img", "--signatures",
                "--trust-store", "Alice-ca.pem", "--json");

        Map<String, JsonNode> files = files(run.json());
        assertThat(files.get("inline.dll").get("status").asText()).isEqualTo("CURRENT");
        assertThat(files.get("listed.dll").get("status").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(files.get("listed.dll").get("detail").asText())
                .contains("catalog patchchain-test.cat", "CHAIN_UNTRUSTED", "CN=Test Catalog Signer");
    }

    @Test
    void withoutCatalogsAnUnsignedFileIsUnsignedAndTheTextSaysSo() throws Exception {
        Files.delete(image.file(CATROOT + "patchchain-test.cat"));

        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img", "--signatures");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("unsigned: C:\\Windows\\System32\\plain.dll 1.0.0.1 has no inline signature "
                + "and the image has no catalogs", "Result: files current by version are not validly signed.");
    }

    @Test
    void withoutSignaturesOnlyVersionsCountAndSignaturesNeedAnImage() {
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("KB1: current on system");
        assertThat(CliRun.run(dir, "verify", "--catalog", "catalog.json", "--signatures").exit()).isEqualTo(2);
    }

    private static Map<String, JsonNode> files(JsonNode json) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        json.get("updates").get(0).get("files").forEach(f -> byName.put(
                f.get("path").asText().substring(SYSTEM32.length()), f));
        return byName;
    }

    private static void sign(TestPki pki, Path target) throws Exception {
        Path plain = target.resolveSibling(target.getFileName() + ".plain");
        Osslsigncode.sign(pki, plain, target, "sha256", Optional.empty());
        Files.delete(plain);
    }

    private static void flipOneByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[TAMPERED_BYTE] ^= 1;
        Files.write(file, bytes);
    }
}
