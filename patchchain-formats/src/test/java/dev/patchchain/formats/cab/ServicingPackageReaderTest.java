package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.wim.WimTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .msu} files built with {@code gcab}: an outer cabinet holding {@code WSUSSCAN.cab} and the servicing
 * cabinet, which holds {@code update.mum}, plain-XML component manifests and the components' files; and express
 * packages, whose outer cabinet holds the same tree as a WIM made by {@code wimlib-imagex}, and a dummy {@code .psf}.
 */
class ServicingPackageReaderTest {

    private static final String NTDLL = "amd64_microsoft-windows-ntdll_31bf3856ad364e35_6.1.7601.24059_none_1";
    private static final String WOW = "wow64_microsoft-windows-ntdll_31bf3856ad364e35_6.1.7601.24059_none_2";
    private static final String ODD = "amd64_microsoft-windows-odd_31bf3856ad364e35_6.1.7601.1_none_3";

    @TempDir
    Path dir;

    @Test
    void readsTheInnerCabinetOfAnMsu() throws Exception {
        Path msu = msu(mum(""));
        ServicingPackage p = ServicingPackageReader.read(msu, CabLimits.DEFAULT);
        assertThat(p.mum().kb()).isEqualTo("KB9999999");
        assertThat(p.mum().version()).isEqualTo("6.1.1.2");
        assertThat(p.mum().components()).containsExactly("Package_1_for_KB9999999");
        assertThat(p.pkg().id()).isEqualTo("KB9999999");
        assertThat(p.pkg().engine()).isEqualTo(InstallerEngine.COMPONENT_SERVICING);
        assertThat(p.pkg().files()).containsExactlyInAnyOrder(
                new PackageFile(WinPath.parse("C:\\Windows\\System32\\ntdll.dll"),
                        FileVersion.parse("6.1.7601.24060"), true),
                new PackageFile(WinPath.parse("C:\\Windows\\SysWOW64\\readme.txt"),
                        FileVersion.parse("6.1.7601.24059"), true));
        assertThat(p.warnings()).singleElement().asString().contains("$(runtime.unknownPlace)");
    }

    @Test
    void anMsuWhoseInnerCabinetIsLzxReadsTheSame() throws Exception {
        Path msu = msu(mum(""));
        Path inner = dir.resolve("Windows6.1-KB9999999-x64.cab");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Cabinet mszip = CabReader.open(inner, CabLimits.DEFAULT)) {
            mszip.contents(e -> true).forEach((e, bytes) -> files.put(e.name(), bytes));
        }
        Files.write(inner, LzxCabinets.of(files, 21, 5, true));
        CabTools.extract(inner, dir.resolve("check")); // cabextract reads it
        Path lzxMsu = CabTools.gcab(dir, "lzx.msu", false, List.of("WSUSSCAN.cab", "Windows6.1-KB9999999-x64.cab",
                "Windows6.1-KB9999999-x64-pkgProperties.txt"));
        try (Cabinet c = CabReader.open(inner, CabLimits.DEFAULT)) {
            assertThat(c.entries()).allSatisfy(e -> assertThat(c.compression(e)).isEqualTo(Compression.LZX));
        }
        assertThat(ServicingPackageReader.read(lzxMsu, CabLimits.DEFAULT).pkg())
                .isEqualTo(ServicingPackageReader.read(msu, CabLimits.DEFAULT).pkg());
    }

    @Test
    void aServicingCabinetAloneReadsTheSame() throws Exception {
        Path cab = servicingCabinet(mum(""));
        assertThat(ServicingPackageReader.read(cab, CabLimits.DEFAULT).pkg().files()).hasSize(2);
    }

    @Test
    void aDoctypeIsRefused() throws Exception {
        Path msu = msu(mum("<!DOCTYPE assembly [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"));
        assertThatThrownBy(() -> ServicingPackageReader.read(msu, CabLimits.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining("update.mum").hasMessageContaining("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "XPRESS", "LZX"})
    void anExpressPackageIsReadFromItsWim(String compression) throws Exception {
        Path msu = expressMsu(compression);
        ServicingPackage p = ServicingPackageReader.read(msu, CabLimits.DEFAULT);
        assertExpressPackage(p);
    }

    @Test
    void anLzmsExpressPackageIsReadThroughWimlib() throws Exception {
        Path msu = expressMsu("LZMS", "--solid");
        assertExpressPackage(ServicingPackageReader.read(msu, CabLimits.DEFAULT));
    }

    @Test
    void withoutWimlibAnLzmsExpressPackageIsUnsupportedNamingTheCompressionAndThePackage() throws Exception {
        byte[] msu = Files.readAllBytes(expressMsu("LZMS", "--solid"));
        assertThatThrownBy(() -> ServicingPackageReader.read(msu, "kb.msu", CabLimits.DEFAULT, Optional::empty))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining("kb.msu!Windows10.0-KB9999999-x64.wim")
                .hasMessageContaining("compressed with LZMS").hasMessageContaining("wimtools");
    }

    @Test
    void aWimThatIsNoWimIsRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve("Windows10.0-KB1-x64.wim"), "not really a wim");
        Files.writeString(dir.resolve("Windows10.0-KB1-x64.psf"), "not really a psf");
        Path msu = CabTools.gcab(dir, "kb1.msu", false, List.of("Windows10.0-KB1-x64.wim", "Windows10.0-KB1-x64.psf"));
        assertThatThrownBy(() -> ServicingPackageReader.read(msu, CabLimits.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT))
                .hasMessageContaining("Windows10.0-KB1-x64.wim").hasMessageContaining("not a WIM");
    }

    /**
     * ntdll.dll (a PE of 6.1.7601.24060) is in the WIM; readme.txt (wow64) and notCarried.dll are listed by the
     * manifests only, their payload being in the .psf: they come with their component's version.
     */
    private static void assertExpressPackage(ServicingPackage p) {
        assertThat(p.mum().kb()).isEqualTo("KB9999999");
        assertThat(p.pkg().files()).containsExactlyInAnyOrder(
                new PackageFile(WinPath.parse("C:\\Windows\\System32\\ntdll.dll"),
                        FileVersion.parse("6.1.7601.24060"), true),
                new PackageFile(WinPath.parse("C:\\Windows\\System32\\notCarried.dll"),
                        FileVersion.parse("6.1.7601.24059"), true),
                new PackageFile(WinPath.parse("C:\\Windows\\SysWOW64\\readme.txt"),
                        FileVersion.parse("6.1.7601.24059"), true));
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("$(runtime.unknownPlace)"))
                .anySatisfy(w -> assertThat(w).contains(".psf"));
    }

    /** An express .msu: the servicing tree captured by wimlib-imagex as a WIM, beside a dummy .psf. */
    private Path expressMsu(String compression, String... wimOptions) throws Exception {
        Path in = servicingTree(mum(""));
        Files.delete(in.resolve(WOW + "/readme.txt"));
        WimTools.capture(in, dir.resolve("Windows10.0-KB9999999-x64.wim"), compression, wimOptions);
        Files.writeString(dir.resolve("Windows10.0-KB9999999-x64.psf"), "PSTREAM: deltas, not read");
        Files.writeString(dir.resolve("Windows10.0-KB9999999-x64-pkgProperties.txt"), "KB Article Number=9999999");
        return CabTools.gcab(dir, "Windows10.0-KB9999999-x64.msu", false, List.of("Windows10.0-KB9999999-x64.wim",
                "Windows10.0-KB9999999-x64.psf", "Windows10.0-KB9999999-x64-pkgProperties.txt"));
    }

    @Test
    void aCabinetWithoutUpdateMumIsNotAPackage() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");
        Path cab = CabTools.gcab(dir, "plain.cab", true, List.of("a.txt"));
        assertThatThrownBy(() -> ServicingPackageReader.read(cab, CabLimits.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }

    @Test
    void bitFlipsAndTruncationsFailTyped() throws Exception {
        byte[] msu = Files.readAllBytes(msu(mum("")));
        for (int i = 0; i < msu.length; i += Math.max(1, msu.length / 500)) {
            byte[] flipped = msu.clone();
            flipped[i] ^= (byte) (1 << (i % 8));
            for (byte[] variant : List.of(flipped, Arrays.copyOf(msu, i))) {
                try {
                    ServicingPackageReader.read(variant, "variant.msu", CabLimits.DEFAULT);
                } catch (FormatException expected) {
                    // typed
                }
            }
        }
    }

    /** The outer cabinet: WSUSSCAN.cab (a decoy without update.mum) and the servicing cabinet. */
    private Path msu(String mum) throws Exception {
        servicingCabinet(mum);
        Files.writeString(dir.resolve("scan.txt"), "scan");
        CabTools.gcab(dir, "WSUSSCAN.cab", true, List.of("scan.txt"));
        Files.writeString(dir.resolve("Windows6.1-KB9999999-x64-pkgProperties.txt"), "KB Article Number=9999999");
        return CabTools.gcab(dir, "Windows6.1-KB9999999-x64.msu", false, List.of("WSUSSCAN.cab",
                "Windows6.1-KB9999999-x64.cab", "Windows6.1-KB9999999-x64-pkgProperties.txt"));
    }

    /**
     * The servicing cabinet: ntdll.dll (a PE of 6.1.7601.24060, newer than its component) to system32, a text file
     * of a wow64 component (component version) to system32 = SysWOW64, and a file to an unknown destination.
     */
    private Path servicingCabinet(String mum) throws Exception {
        Path in = servicingTree(mum);
        Path cab = CabTools.gcab(in, "Windows6.1-KB9999999-x64.cab", true, List.of("update.mum",
                NTDLL + ".manifest", NTDLL + "/ntdll.dll", WOW + ".manifest", WOW + "/readme.txt",
                ODD + ".manifest", ODD + "/odd.dat"));
        return Files.move(cab, dir.resolve(cab.getFileName()));
    }

    private Path servicingTree(String mum) throws Exception {
        Path in = Files.createDirectories(dir.resolve("inner"));
        Files.writeString(in.resolve("update.mum"), mum);
        Files.createDirectories(in.resolve(NTDLL));
        Files.write(in.resolve(NTDLL + "/ntdll.dll"),
                PeBuilder.dll().fileVersion(FileVersion.parse("6.1.7601.24060")).build());
        Files.writeString(in.resolve(NTDLL + ".manifest"), manifest("Microsoft-Windows-Ntdll", "amd64",
                "<file name=\"ntdll.dll\" destinationPath=\"$(runtime.system32)\\\"/>"
                        + "<file name=\"notCarried.dll\" destinationPath=\"$(runtime.system32)\\\"/>"));
        Files.createDirectories(in.resolve(WOW));
        Files.writeString(in.resolve(WOW + "/readme.txt"), "not a PE");
        Files.writeString(in.resolve(WOW + ".manifest"), manifest("Microsoft-Windows-Ntdll", "wow64",
                "<file name=\"readme.txt\" destinationPath=\"$(runtime.system32)\"/>"));
        Files.createDirectories(in.resolve(ODD));
        Files.writeString(in.resolve(ODD + "/odd.dat"), "odd");
        Files.writeString(in.resolve(ODD + ".manifest"), manifest("Microsoft-Windows-Odd", "amd64",
                "<file name=\"odd.dat\" destinationPath=\"$(runtime.unknownPlace)\\\"/>"));
        return in;
    }

    private static String mum(String doctype) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\">"
                + "<assemblyIdentity name=\"Package_for_KB9999999\" version=\"6.1.1.2\" language=\"neutral\""
                + " processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\"/>"
                + "<package identifier=\"KB9999999\" releaseType=\"Security Update\">"
                + "<update name=\"1\"><package integrate=\"hidden\"><assemblyIdentity name=\"Package_1_for_KB9999999\""
                + " version=\"6.1.1.2\"/></package></update></package></assembly>";
    }

    private static String manifest(String name, String arch, String files) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\">"
                + "<assemblyIdentity name=\"" + name + "\" version=\"6.1.7601.24059\" processorArchitecture=\""
                + arch + "\" language=\"neutral\"/>" + files + "</assembly>";
    }
}
