package dev.patchchain.testing.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.authenticode.AuthenticodeHash;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.Catalog;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.CatalogMember;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogs we build with {@link CatalogBuilder}, a catalog index over a directory, and the real ntexe.cat. */
class CatalogTest {

    private static final String NTEXE = "catalogs/velociraptor/ntexe.cat";

    @Test
    void aCatalogWeBuildReadsBackWithMembersAttributesAndAValidSignature() throws IOException {
        byte[] sha256 = new byte[32];
        sha256[0] = 0x1E;
        byte[] sha1 = new byte[20];
        sha1[19] = 0x7F;
        byte[] der = new CatalogBuilder().member(sha256, "foo.dll").member(sha1, "bar.sys")
                .attribute("OSAttr", "2:10.0").build();

        Catalog catalog = Catalog.read(der, "built.cat");

        assertThat(catalog.attributes()).containsEntry("OSAttr", "2:10.0");
        assertThat(catalog.members()).extracting(CatalogMember::tag)
                .containsExactly(HexFormat.of().formatHex(sha256), HexFormat.of().formatHex(sha1));
        assertThat(catalog.members()).extracting(m -> m.fileName().orElseThrow()).containsExactly("foo.dll", "bar.sys");
        assertThat(catalog.members().get(0).hashes()).containsExactly(HexFormat.of().formatHex(sha256));
        SignatureReport signature = new AuthenticodeVerifier(TrustStore.none()).verify(catalog);
        assertThat(signature.status()).as(signature.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(signature.signer().orElseThrow().subject()).isEqualTo("CN=Test Catalog Signer");
    }

    @Test
    void olderTextTagsAreReadAsHashes() throws IOException {
        byte[] sha1 = HexFormat.of().parseHex("027e387210927b592c6c979bf4ac695093e8069a");

        Catalog catalog = Catalog.read(new CatalogBuilder().textTags().member(sha1, "old.dll").build(), "old.cat");

        assertThat(catalog.members().get(0).tag()).isEqualTo("027e387210927b592c6c979bf4ac695093e8069a");
        assertThat(CatalogIndex.of(List.of(catalog)).find("027E387210927B592C6C979BF4AC695093E8069A")).hasSize(1);
    }

    @Test
    void anIndexOverADirectoryFindsAFileByItsAuthenticodeHash(@TempDir Path dir) throws IOException {
        Path listed = Files.write(dir.resolve("listed.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("1.0.0.1"))
                .build());
        Path other = Files.write(dir.resolve("other.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("1.0.0.2"))
                .build());
        Path catRoot = Files.createDirectory(dir.resolve("CatRoot"));
        Files.write(catRoot.resolve("Package.CAT"), new CatalogBuilder()
                .member(AuthenticodeHash.compute(listed, "SHA-256"), "listed.dll").build());
        Files.write(catRoot.resolve("broken.cat"), "not a catalog".getBytes(StandardCharsets.US_ASCII));
        Files.write(catRoot.resolve("readme.txt"), "ignored".getBytes(StandardCharsets.US_ASCII));

        CatalogIndex index = CatalogIndex.load(catRoot);

        assertThat(index.catalogs()).extracting(Catalog::source).containsExactly("Package.CAT");
        assertThat(index.problems()).containsOnlyKeys("broken.cat");
        assertThat(index.find(listed)).extracting(m -> m.fileName().orElseThrow()).containsExactly("listed.dll");
        assertThat(index.find(other)).isEmpty();
    }

    @Test
    void somethingElseIsNotACatalog() {
        assertThatThrownBy(() -> Catalog.read(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "x.cat"))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void theRealMicrosoftCatalogMatchesOpenssl() throws IOException {
        Path file = Corpus.require(NTEXE);
        Corpus.requireTool("openssl", "asn1parse is the catalog oracle");
        Catalog catalog = Catalog.read(file);
        OpensslView oracle = OpensslView.of(file);

        assertThat(catalog.members()).extracting(CatalogMember::tag).containsExactlyElementsOf(oracle.tags());
        Set<String> ours = new LinkedHashSet<>();
        catalog.members().forEach(m -> ours.addAll(m.hashes()));
        Set<String> theirs = new LinkedHashSet<>(oracle.tags());
        theirs.addAll(oracle.digests());
        assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(catalog.attributes()).containsEntry("OSAttr", "2:10.0");
        assertThat(catalog.members()).anySatisfy(m -> assertThat(m.fileName()).hasValueSatisfying(
                name -> assertThat(name).isEqualTo("tiworker.exe")));
        SignatureReport signature = new AuthenticodeVerifier(TrustStore.none()).verify(catalog);
        System.out.println("[ntexe.cat] " + catalog.members().size() + " members, " + ours.size() + " hashes; signature "
                + signature.status() + ": " + signature.detail() + "; signer " + signature.signer().orElseThrow());
        assertThat(signature.status()).isIn(SignatureStatus.VALID, SignatureStatus.CHAIN_UNTRUSTED);
        assertThat(signature.signer().orElseThrow().subject()).contains("Microsoft Windows");
    }

    /** What {@code openssl asn1parse} shows of a catalog's member list: tags and indirect-data digests. */
    private record OpensslView(List<String> tags, List<String> digests) {

        private static final Pattern LINE = Pattern.compile("^\\s*\\d+:d=(\\d+)\\s+hl=\\d+\\s+l=\\s*\\d+\\s+\\w+:\\s*(.*)$");
        private static final Pattern HEX = Pattern.compile("OCTET STRING\\s+\\[HEX DUMP\\]:([0-9A-F]+)");

        static OpensslView of(Path file) throws IOException {
            Process p = new ProcessBuilder("openssl", "asn1parse", "-inform", "DER", "-in", file.toString())
                    .redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            List<String> tags = new ArrayList<>();
            List<String> digests = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                Matcher previous = LINE.matcher(lines.get(i - 1));
                Matcher line = LINE.matcher(lines.get(i));
                if (!previous.matches() || !line.matches()) {
                    continue;
                }
                if (line.group(1).equals("3") && line.group(2).startsWith("cont [ 0 ]")) {
                    break; // the certificates: the content is over
                }
                Matcher hex = HEX.matcher(line.group(2));
                if (!hex.find()) {
                    continue;
                }
                String value = hex.group(1).toLowerCase(Locale.ROOT);
                if (line.group(1).equals("8") && previous.group(1).equals("7") && previous.group(2).startsWith("SEQUENCE")) {
                    tags.add(value);
                } else if (line.group(1).equals("13")) {
                    digests.add(value);
                }
            }
            return new OpensslView(tags, digests);
        }
    }
}
