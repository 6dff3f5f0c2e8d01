package dev.patchchain.platform.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.Finding;
import dev.patchchain.core.analysis.FindingCode;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.SignerFacts;
import dev.patchchain.formats.authenticode.AuthenticodeHash;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.sign.CatalogBuilder;
import dev.patchchain.testing.sign.Osslsigncode;
import dev.patchchain.testing.sign.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image with an inline-signed file, a catalog-signed file and staged replacements: {@link PeFileInspector}
 * fills in the signer facts and {@link QueueAnalysis} reports the trust findings from them. Needs osslsigncode
 * (skipped without it, except under {@code CI=true}).
 */
class SignedImageTest {

    private static final String SYSTEM32 = "Windows/System32/";
    private static final String STAGING = "Windows/WinSxS/Temp/";

    @TempDir
    Path root;
    @TempDir
    Path keys;
    private TestPki alice;
    private TestPki bob;

    @BeforeEach
    void pki() {
        Osslsigncode.require();
        Instant now = Instant.now();
        alice = TestPki.create(keys, "Alice", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        bob = TestPki.create(keys, "Bob", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    @Test
    void signersComeFromInlineSignaturesAndCatalogs() throws IOException {
        signed(alice, SYSTEM32 + "inline.dll", "1.0.0.1");
        Path listed = unsigned(SYSTEM32 + "listed.dll", "1.0.0.2");
        unsigned(SYSTEM32 + "plain.dll", "1.0.0.3");
        catalog(listed);
        ImageVolume image = open();

        assertThat(signer(image, "C:\\Windows\\System32\\inline.dll"))
                .satisfies(s -> assertThat(s.valid()).isTrue())
                .satisfies(s -> assertThat(s.subject()).isEqualTo("CN=Alice Code Signing"))
                .satisfies(s -> assertThat(s.detail()).startsWith("inline"));
        assertThat(signer(image, "C:\\Windows\\System32\\listed.dll"))
                .satisfies(s -> assertThat(s.valid()).isTrue())
                .satisfies(s -> assertThat(s.subject()).isEqualTo("CN=Test Catalog Signer"))
                .satisfies(s -> assertThat(s.detail()).startsWith("catalog nt5.cat"));
        assertThat(signer(image, "C:\\Windows\\System32\\plain.dll").signed()).isFalse();
    }

    @Test
    void theQueueCheckReportsChangedSignersAndUnsignedReplacements() throws IOException {
        signed(alice, SYSTEM32 + "foo.dll", "1.0.0.1");
        signed(bob, STAGING + "foo.dll", "1.0.0.2");
        catalog(unsigned(SYSTEM32 + "bar.dll", "1.0.0.1"));
        unsigned(STAGING + "bar.dll", "1.0.0.2");
        signed(alice, SYSTEM32 + "same.dll", "1.0.0.1");
        signed(alice, STAGING + "same.dll", "1.0.0.2");

        AnalysisResult result = QueueAnalysis.analyze(queue(
                "\\??\\C:\\Windows\\WinSxS\\Temp\\foo.dll", "!\\??\\C:\\Windows\\System32\\foo.dll",
                "\\??\\C:\\Windows\\WinSxS\\Temp\\bar.dll", "!\\??\\C:\\Windows\\System32\\bar.dll",
                "\\??\\C:\\Windows\\WinSxS\\Temp\\same.dll", "!\\??\\C:\\Windows\\System32\\same.dll"),
                open(), BootRules.WINDOWS);

        assertThat(result.findings(FindingCode.SIGNER_CHANGED)).singleElement().satisfies(f -> {
            assertThat(f.operations()).containsExactly(0);
            assertThat(f.evidence()).containsEntry("replaced_signer", "CN=Alice Code Signing")
                    .containsEntry("replacement_signer", "CN=Bob Code Signing");
        });
        assertThat(result.findings(FindingCode.UNSIGNED_REPLACEMENT)).singleElement()
                .satisfies(f -> assertThat(f.operations()).containsExactly(1));
        assertThat(result.findings()).extracting(Finding::code).doesNotContain(FindingCode.SUSPICIOUS_SOURCE);
    }

    @Test
    void aTamperedReplacementIsNotValidlySigned() throws IOException {
        signed(alice, SYSTEM32 + "foo.dll", "1.0.0.1");
        Path staged = signed(alice, STAGING + "foo.dll", "1.0.0.2");
        byte[] bytes = Files.readAllBytes(staged);
        bytes[0x210] ^= 1;
        Files.write(staged, bytes);

        AnalysisResult result = QueueAnalysis.analyze(queue(
                "\\??\\C:\\Windows\\WinSxS\\Temp\\foo.dll", "!\\??\\C:\\Windows\\System32\\foo.dll"),
                open(), BootRules.WINDOWS);

        assertThat(result.findings(FindingCode.UNSIGNED_REPLACEMENT)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("HASH_MISMATCH"));
    }

    @Test
    void withoutTheOptionNoSignerIsRead() throws IOException {
        signed(alice, SYSTEM32 + "foo.dll", "1.0.0.1");
        FileFacts facts = new PeFileInspector().inspect(root.resolve(SYSTEM32 + "foo.dll"), 1);

        assertThat(facts.signer()).isEmpty();
        assertThat(facts.version()).contains(FileVersion.parse("1.0.0.1"));
    }

    private ImageVolume open() throws IOException {
        CatalogIndex catalogs = CatRoot.index(ImageVolume.open(root, 'C', new PeFileInspector()));
        return ImageVolume.open(root, 'C', PeFileInspector.withSignatures(TrustStore.none(), catalogs));
    }

    private static SignerFacts signer(ImageVolume image, String path) {
        return ((PathState.File) image.stat(WinPath.parse(path))).facts().signer().orElseThrow();
    }

    private Path unsigned(String relative, String version) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, PeBuilder.dll().fileVersion(FileVersion.parse(version)).build());
    }

    private Path signed(TestPki pki, String relative, String version) throws IOException {
        Path plain = unsigned(relative + ".unsigned", version);
        Path file = root.resolve(relative);
        Osslsigncode.sign(pki, plain, file, "sha256", Optional.empty());
        Files.delete(plain);
        return file;
    }

    private void catalog(Path member) throws IOException {
        Path catRoot = root.resolve(CatRoot.SYSTEM_CATALOGS.replace('\\', '/').replace("CatRoot", "catroot"));
        Files.createDirectories(catRoot);
        Path cat = catRoot.resolve("nt5.cat");
        Files.write(cat, new CatalogBuilder().member(AuthenticodeHash.compute(member, "SHA-256"),
                member.getFileName().toString()).build());
    }

    private static PendingQueue queue(String... strings) {
        List<String> all = new ArrayList<>(List.of(strings));
        all.add("");
        byte[] value = (String.join("\0", all) + "\0").getBytes(StandardCharsets.UTF_16LE);
        return PendingQueue.decode(value, null, PathContext.DEFAULT);
    }
}
