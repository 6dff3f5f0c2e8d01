package dev.patchchain.testing.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.authenticode.AuthenticodeHash;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.Signer;
import dev.patchchain.formats.authenticode.TimestampKind;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PE files signed in the test by osslsigncode with a throw-away PKI, verified by {@link AuthenticodeVerifier}:
 * valid, tampered, other signer, untrusted chain, expired-but-timestamped; and our Authenticode hash against the one
 * osslsigncode calculates. Skipped without osslsigncode, except under {@code CI=true}.
 */
class AuthenticodeOracleTest {

    private static final Path WINE = Path.of("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path dir;
    private static TestPki alice;
    private static TestPki bob;

    @BeforeAll
    static void pki() {
        alice = TestPki.create(dir, "Alice", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        bob = TestPki.create(dir, "Bob", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aFileWeSignIsValidWithSignerAndTimestamp() throws IOException {
        Path signed = sign(alice, "valid.dll", "sha256", Optional.of(NOW.minus(Duration.ofHours(1))));

        SignatureReport report = new AuthenticodeVerifier(TrustStore.none()).verify(signed);

        assertThat(report.status()).as(report.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.chainValidated()).isFalse();
        assertThat(report.detail()).contains("chain not validated");
        assertThat(report.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(report.imageDigest()).isEqualTo(report.signedDigest());
        Signer signer = report.signer().orElseThrow();
        assertThat(signer.subject()).isEqualTo("CN=Alice Code Signing");
        assertThat(signer.issuer()).isEqualTo("CN=Alice Test CA");
        assertThat(signer.chain()).containsExactly("CN=Alice Code Signing", "CN=Alice Test CA");
        assertThat(signer.timestampKind()).isEqualTo(TimestampKind.RFC3161);
        assertThat(signer.timestamp()).contains(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void sha1SignaturesVerifyToo() throws IOException {
        SignatureReport report = new AuthenticodeVerifier(TrustStore.none())
                .verify(sign(alice, "sha1.dll", "sha1", Optional.empty()));

        assertThat(report.status()).as(report.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.digestAlgorithm()).isEqualTo("SHA-1");
        assertThat(report.signer().orElseThrow().timestampKind()).isEqualTo(TimestampKind.NONE);
    }

    @Test
    void oneByteChangedAfterSigningIsAHashMismatch() throws IOException {
        Path signed = sign(alice, "tampered.dll", "sha256", Optional.empty());
        byte[] bytes = Files.readAllBytes(signed);
        bytes[PeBuilderOffsets.RESOURCE_DATA] ^= 1;
        Files.write(signed, bytes);

        SignatureReport report = new AuthenticodeVerifier(TrustStore.none()).verify(signed);

        assertThat(report.status()).isEqualTo(SignatureStatus.HASH_MISMATCH);
        assertThat(report.imageDigest()).isNotEqualTo(report.signedDigest());
        assertThat(report.signer().orElseThrow().subject()).isEqualTo("CN=Alice Code Signing");
    }

    @Test
    void theChecksumIsNotPartOfTheHash() throws IOException {
        Path signed = sign(alice, "checksum.dll", "sha256", Optional.empty());
        byte[] bytes = Files.readAllBytes(signed);
        bytes[PeBuilderOffsets.CHECKSUM] ^= 0x5A;
        Files.write(signed, bytes);

        assertThat(new AuthenticodeVerifier(TrustStore.none()).verify(signed).status())
                .isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void anotherKeyIsAnotherSigner() throws IOException {
        AuthenticodeVerifier verifier = new AuthenticodeVerifier(TrustStore.none());
        Signer a = verifier.verify(sign(alice, "a.dll", "sha256", Optional.empty())).signer().orElseThrow();
        Signer b = verifier.verify(sign(bob, "b.dll", "sha256", Optional.empty())).signer().orElseThrow();

        assertThat(b.subject()).isEqualTo("CN=Bob Code Signing").isNotEqualTo(a.subject());
    }

    @Test
    void theChainIsValidatedAgainstTheTrustStoreGiven() throws IOException {
        Path signed = sign(alice, "chain.dll", "sha256", Optional.empty());

        SignatureReport trusted = new AuthenticodeVerifier(TrustStore.load(alice.caFile())).verify(signed);
        SignatureReport untrusted = new AuthenticodeVerifier(TrustStore.load(bob.caFile())).verify(signed);

        assertThat(trusted.status()).as(trusted.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(trusted.chainValidated()).isTrue();
        assertThat(trusted.signer().orElseThrow().chain())
                .containsExactly("CN=Alice Code Signing", "CN=Alice Test CA");
        assertThat(untrusted.status()).isEqualTo(SignatureStatus.CHAIN_UNTRUSTED);
        assertThat(untrusted.chainValidated()).isFalse();
    }

    @Test
    void anExpiredButTimestampedSignatureIsValidAtItsTimestamp() throws IOException {
        Instant start = NOW.minus(Duration.ofDays(400));
        TestPki old = TestPki.create(dir, "Old", start, start.plus(Duration.ofDays(30)));
        Path stamped = sign(old, "stamped.dll", "sha256", Optional.of(start.plus(Duration.ofDays(10))));
        Path bare = sign(old, "bare.dll", "sha256", Optional.empty());
        AuthenticodeVerifier verifier = new AuthenticodeVerifier(TrustStore.load(old.caFile()));

        SignatureReport valid = verifier.verify(stamped);
        SignatureReport expired = verifier.verify(bare);

        assertThat(valid.status()).as(valid.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(valid.signer().orElseThrow().timestamp()).contains(start.plus(Duration.ofDays(10)));
        assertThat(expired.status()).isEqualTo(SignatureStatus.CHAIN_UNTRUSTED);
        assertThat(new AuthenticodeVerifier(TrustStore.none()).verify(bare).status())
                .isEqualTo(SignatureStatus.CHAIN_UNTRUSTED);
    }

    @Test
    void ourAuthenticodeHashIsOsslsigncodes() throws IOException {
        Osslsigncode.require();
        Random random = Seeds.random("Authenticode hash vs osslsigncode");
        List<Path> files = new ArrayList<>(winePe());
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < 6 && !files.isEmpty(); i++) {
            picked.add(files.remove(random.nextInt(files.size())));
        }
        picked.add(Files.write(dir.resolve("built32.dll"), PeBuilder.dll().pe32()
                .fileVersion(FileVersion.parse("1.2.3.4")).build()));
        for (Path unsigned : picked) {
            for (String hash : List.of("sha1", "sha256")) {
                Path signed = dir.resolve("oracle-" + hash + "-" + unsigned.getFileName());
                Osslsigncode.sign(alice, unsigned, signed, hash, Optional.empty());
                String algorithm = hash.equals("sha1") ? "SHA-1" : "SHA-256";
                String ours = HexFormat.of().formatHex(AuthenticodeHash.compute(signed, algorithm));
                assertThat(ours).as(unsigned + " " + hash).isEqualTo(Osslsigncode.calculatedDigest(signed));
                assertThat(HexFormat.of().formatHex(AuthenticodeHash.compute(unsigned, algorithm)))
                        .as("unsigned " + unsigned + " hashes as its signed copy").isEqualTo(ours);
            }
        }
    }

    @Test
    void everyWineDllIsUnsigned() throws IOException {
        List<Path> files = winePe();
        AuthenticodeVerifier verifier = new AuthenticodeVerifier(TrustStore.none());
        for (Path file : files) {
            assertThat(verifier.verify(file).status()).as(file.toString()).isEqualTo(SignatureStatus.UNSIGNED);
        }
        System.out.println("[wine] " + files.size() + " DLLs, all UNSIGNED");
    }

    private static Path sign(TestPki pki, String name, String hash, Optional<Instant> timestamp) throws IOException {
        Osslsigncode.require();
        Path unsigned = Files.write(dir.resolve("unsigned-" + name), PeBuilder.dll()
                .fileVersion(FileVersion.parse("10.0.1.2")).string("CompanyName", "patchchain tests").build());
        Path signed = dir.resolve(name);
        Osslsigncode.sign(pki, unsigned, signed, hash, timestamp);
        return signed;
    }

    private static List<Path> winePe() throws IOException {
        if (!Files.isDirectory(WINE)) {
            Corpus.requireTool(WINE.resolve("kernel32.dll").toString(), "Wine DLLs are the unsigned corpus");
        }
        try (Stream<Path> list = Files.list(WINE)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".dll")).sorted().toList();
        }
    }

    /** Offsets inside a {@link PeBuilder} image: see its ImageWriter (section at 0x200, e_lfanew 0x40). */
    private static final class PeBuilderOffsets {
        static final int RESOURCE_DATA = 0x200 + 0x10;
        static final int CHECKSUM = 0x40 + 24 + 64;
    }
}
