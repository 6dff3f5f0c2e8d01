package dev.patchchain.testing.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.Catalog;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Seeds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed image and a catalog truncated at every length and with seeded bit flips: the verifier gives a report
 * or a {@link FormatException} (not a PE), the catalog reader a catalog or a {@link FormatException}; never anything
 * else, and a flip in the signed bytes never yields {@code VALID} with a different hash.
 */
class AuthenticodeTortureTest {

    /** Each flipped image is verified in full (RSA, timestamp): a few hundred keep the test within seconds. */
    private static final int IMAGE_FLIPS = 300;
    private static final int CATALOG_FLIPS = 600;
    private static final AuthenticodeVerifier VERIFIER = new AuthenticodeVerifier(TrustStore.none());

    @TempDir
    Path dir;

    @Test
    void aSignedImageCutOrFlippedVerifiesOrFailsTyped() throws IOException {
        Osslsigncode.require();
        Instant now = Instant.now();
        TestPki pki = TestPki.create(dir, "Torture", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        Path unsigned = Files.write(dir.resolve("u.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("1.2")).build());
        Path signed = dir.resolve("s.dll");
        Osslsigncode.sign(pki, unsigned, signed, "sha256", Optional.of(now));
        byte[] image = Files.readAllBytes(signed);
        // One channel, flipped and truncated in place: writing thousands of files costs far more than verifying.
        try (FileChannel channel = FileChannel.open(signed, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Random random = Seeds.random("Authenticode bit flips");
            for (int i = 0; i < IMAGE_FLIPS; i++) {
                int at = random.nextInt(image.length);
                channel.write(ByteBuffer.wrap(new byte[] {(byte) (image[at] ^ (1 << random.nextInt(8)))}), at);
                SignatureReport report = verify(channel);
                if (report != null && report.status() == SignatureStatus.VALID) {
                    assertThat(report.imageDigest()).isEqualTo(report.signedDigest());
                }
                channel.write(ByteBuffer.wrap(new byte[] {image[at]}), at);
            }
            for (int length = image.length - 1; length >= 0; length--) {
                verify(channel.truncate(length));
            }
        }
    }

    @Test
    void aCatalogCutOrFlippedReadsOrFailsTyped() {
        byte[] der = new CatalogBuilder().member(new byte[32], "a.dll").member(new byte[20], "b.dll")
                .attribute("OSAttr", "2:10.0").build();
        for (int length = 0; length < der.length; length++) {
            read(Arrays.copyOf(der, length));
        }
        Random random = Seeds.random("catalog bit flips");
        for (int i = 0; i < CATALOG_FLIPS; i++) {
            byte[] copy = der.clone();
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
            read(copy);
        }
    }

    private static SignatureReport verify(FileChannel channel) throws IOException {
        try {
            return VERIFIER.verify(channel, "torture.dll");
        } catch (FormatException notAPe) {
            return null;
        }
    }

    private static void read(byte[] der) {
        try {
            VERIFIER.verify(Catalog.read(der, "torture.cat"));
        } catch (FormatException expected) {
            // not a catalog
        }
    }
}
