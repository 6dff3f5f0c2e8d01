package dev.patchchain.platform.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.verify.ComponentIdentity;
import dev.patchchain.core.verify.ServicingPackage;
import dev.patchchain.core.verify.ServicingStore;
import dev.patchchain.core.verify.StoreManifest;
import dev.patchchain.core.verify.WinSxsName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an image's servicing directories: a real {@code .mum}, component names and manifest kinds. */
class ServicingStoreReaderTest {

    @TempDir
    Path root;

    private ServicingStore read() throws Exception {
        return ServicingStoreReader.read(ImageVolume.open(root, 'C', new PeFileInspector()), PathContext.DEFAULT);
    }

    /** scancode's test.mum (Package_1_for_KB4601060) agrees with scancode's expected result where they overlap. */
    @Test
    void theRealMumAgreesWithScancode() throws Exception {
        Path mum = Corpus.require("manifests/scancode/test.mum");
        JsonNode expected = new ObjectMapper().readTree(Corpus.require("manifests/scancode/test.mum.expected").toFile()).get(0);
        Path packages = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        String fileName = "Package_1_for_KB4601060~31bf3856ad364e35~amd64~~10.0.3770.4";
        Files.copy(mum, packages.resolve(fileName + ".mum"));

        ServicingStore store = read();

        assertThat(store.warnings()).isEmpty();
        ServicingPackage p = store.packages().get(0);
        assertThat(p.fileName()).isEqualTo(fileName);
        assertThat(fileName).startsWith(expected.get("name").asText() + "~")
                .endsWith("~" + expected.get("version").asText());
        assertThat(expected.get("homepage_url").asText()).endsWith("kbid=" + p.kb().substring(2));
        assertThat(p.kb()).isEqualTo("KB4601060");
        assertThat(p.releaseType()).isEqualTo("Update");
        // the <component> only; the <updateComponent> under <applicable> is a condition, not something installed
        assertThat(p.components()).containsExactly(new ComponentIdentity("b240f4289687c54f1913959ba8988462",
                FileVersion.parse("4.0.15713.450"), "amd64", "b03f5f7f11d50a3a", "neutral"));
        assertThat(p.packages()).isEmpty();
    }

    /** Damaged {@code .mum} files are skipped with a warning or read; nothing else comes out of the reader. */
    @Test
    void mutatedMumFilesAreReadOrSkippedWithAWarning() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ServicingStoreReaderTest mutation seed " + seed);
        Random random = new Random(seed);
        byte[] good = ("<?xml version=\"1.0\"?><assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\">"
                + "<assemblyIdentity name=\"Package_for_KB1\" version=\"1.0.0.0\"/><package identifier=\"KB1\">"
                + "<update name=\"u\"><component><assemblyIdentity name=\"C\" version=\"1.2.3.4\" "
                + "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\"/></component>"
                + "<package><assemblyIdentity name=\"P\" version=\"1.0.0.0\"/></package></update></package></assembly>")
                .getBytes(StandardCharsets.UTF_8);
        Path packages = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        for (int i = 0; i < 300; i++) {
            byte[] bytes = Arrays.copyOf(good, random.nextInt(good.length + 1));
            for (int f = random.nextInt(4); f > 0 && bytes.length > 0; f--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(packages.resolve("p.mum"), bytes);
            ServicingStore store = read();
            assertThat(store.packages().size() + store.warnings().size()).as("seed %d, case %d", seed, i).isPositive();
        }
    }

    @Test
    void componentNamesAndManifestKindsAreRead() throws Exception {
        String plain = "x86_microsoft-windows-foo_31bf3856ad364e35_6.1.7601.1_none_0123456789abcdef";
        String dcm = "amd64_microsoft-windows-bar_31bf3856ad364e35_10.0.1.1_none_fedcba9876543210";
        Path winsxs = root.resolve("Windows/WinSxS");
        Files.createDirectories(winsxs.resolve(plain));
        Files.createDirectories(winsxs.resolve(dcm));
        Files.createDirectories(winsxs.resolve("amd64_odd_name"));
        Files.createDirectories(winsxs.resolve("Catalogs"));
        Path manifests = Files.createDirectories(winsxs.resolve("Manifests"));
        Files.writeString(manifests.resolve(plain + ".manifest"), "<assembly><assemblyIdentity name=\"Foo\"/>"
                + "<file name=\"foo.dll\" destinationPath=\"$(runtime.system32)\\\"/></assembly>", StandardCharsets.UTF_8);
        Files.write(manifests.resolve(dcm + ".manifest"), new byte[] {'D', 'C', 'M', 1, 'P', 'A', '3', '0'});

        ServicingStore store = read();

        assertThat(store.directories()).extracting(WinSxsName::toString).containsExactlyInAnyOrder(plain, dcm);
        assertThat(store.warnings()).singleElement().asString().contains("amd64_odd_name skipped");
        assertThat(store.manifests().manifest(WinSxsName.parse(plain)))
                .isEqualTo(new StoreManifest.Plain(List.of(new StoreManifest.ManifestFile("foo.dll", "$(runtime.system32)\\"))));
        assertThat(store.manifests().manifest(WinSxsName.parse(dcm))).isInstanceOf(StoreManifest.Compressed.class);
        assertThat(store.manifests().manifest(WinSxsName.parse(dcm.replace("10.0.1.1", "10.0.1.2"))))
                .isInstanceOf(StoreManifest.Unreadable.class);
    }
}
