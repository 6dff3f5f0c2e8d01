package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.msi.MsiInfo;
import dev.patchchain.testing.msi.PatchBuilder;
import dev.patchchain.testing.msi.SummaryStream;
import dev.patchchain.testing.msi.TransformBuilder;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patchchain plan} reads an {@code .msp} against its product: an {@code .msi} among the packages, one given
 * with {@code --msi}, or the package an image's Windows Installer cached. The product is built with {@code wixl},
 * the patch with our writer ({@code dev.patchchain.testing.msi}; Wine installs such patches in
 * {@code MsiPatchWineOracleTest}).
 */
class PlanMsiPatchTest {

    private static final String PRODUCT_CODE = "{5B0F8C1E-7A3D-4E2B-9C6F-1D2E3F4A5B60}";
    /** {@link #PRODUCT_CODE} as the installer registry packs it. */
    private static final String PACKED = "E1C8F0B5D3A7B2E4C9F6D1E2F3A4B506";
    private static final String PATCH_CODE = "{5B0F8C1E-7A3D-4E2B-9C6F-1D2E3F4A5B61}";
    private static final String TOOL = "C:\\Program Files (x86)\\Tool\\tool.dll";

    @TempDir
    Path dir;

    @BeforeEach
    void productAndPatch() throws Exception {
        Corpus.requireTool("wixl", "builds the product");
        Corpus.requireTool("msiinfo", "gives the product's schema to the patch writer");
        Corpus.requireTool("gcab", "builds the patch's cabinet");
        Files.write(dir.resolve("tool.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("2.0.0.0")).build());
        Files.writeString(dir.resolve("tool.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="%s" Name="Tool" Version="2.0.0" Manufacturer="Example" Language="1033"
                           UpgradeCode="5B0F8C1E-7A3D-4E2B-9C6F-1D2E3F4A5B62">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLDIR" Name="Tool">
                          <Component Id="Main" Guid="5B0F8C1E-7A3D-4E2B-9C6F-1D2E3F4A5B63">
                            <File Id="tool" Name="tool.dll" Source="tool.dll" KeyPath="yes"/>
                            <RegistryValue Root="HKLM" Key="Software\\Tool" Name="Level" Type="integer" Value="3"/>
                          </Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """.formatted(PRODUCT_CODE));
        run("wixl", "-o", "tool.msi", "tool.wxs");
        Path msi = dir.resolve("tool.msi");

        byte[] patched = PeBuilder.dll().fileVersion(FileVersion.parse("2.0.1.0")).build();
        Files.write(dir.resolve("tool"), patched); // a patch cabinet's entries are named by File key
        run("gcab", "-c", "PCW_CAB_1.cab", "tool");
        int sequence = MsiInfo.rows(msi, "Media").stream().mapToInt(r -> Integer.parseInt(r.get(1))).max()
                .orElseThrow() + 1;
        TransformBuilder t1 = new TransformBuilder(1252);
        t1.table(MsiInfo.schema(msi, "File")).update(Map.of("File", "tool"),
                Map.of("Version", "2.0.1.0", "FileSize", patched.length, "Sequence", sequence));
        t1.table(MsiInfo.schema(msi, "Media")).insert(Map.of("DiskId", 2, "LastSequence", sequence,
                "Cabinet", "#PCW_CAB_1", "Source", "PATCHMediaSrcProp"));
        String from = PRODUCT_CODE + "2.0.0";
        SummaryStream summary = new SummaryStream().template("Intel;1033")
                .revNumber(from + ";" + from + ";{5B0F8C1E-7A3D-4E2B-9C6F-1D2E3F4A5B62}").charCount(0x0002 << 16);
        Files.write(dir.resolve("fix.msp"), new PatchBuilder(PATCH_CODE, List.of(PRODUCT_CODE))
                .describedAs("Tool hotfix", "tool.dll 2.0.1.0").metadata("DisplayName", "Tool hotfix 1")
                .transform("T1", t1, summary).cabinet("PCW_CAB_1", Files.readAllBytes(dir.resolve("PCW_CAB_1.cab")))
                .toBytes());
    }

    @Test
    void aPatchPlannedWithItsProductReplacesTheProductsFile() throws Exception {
        CliRun run = CliRun.run(dir, "plan", "tool.msi", "fix.msp");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(TOOL + ": Tool 2.0.0 installs 2.0.0.0 (disk only, in use); "
                        + "Tool hotfix 1 for Tool 2.0.0 installs 2.0.1.0")
                .contains("HKLM\\Software\\Tool\\Level: Tool 2.0.0 sets [#3]; Tool hotfix 1 for Tool 2.0.0 sets [#3]")
                .contains("All 2 packages: SAFE_SEQUENTIAL_NO_REBOOT");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aPatchForAnInstalledProductNeedsOnlyThatProductsMsi() throws Exception {
        CliRun run = CliRun.run(dir, "plan", "fix.msp", "--msi", "tool.msi", "--json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsIgnoringWhitespaces("\"packages\" : [ \"Tool hotfix 1 for Tool 2.0.0\" ]")
                .contains("\"verdict\" : \"SAFE_PARALLEL\"");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aPatchWithoutItsProductIsAUsageError() throws Exception {
        CliRun run = CliRun.run(dir, "plan", "fix.msp");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("fix.msp patches " + PRODUCT_CODE)
                .contains("give that product's .msi as a package or with --msi");
    }

    @Test
    void anImageGivesThePackageItsInstallerCached() throws Exception {
        TestImage image = new TestImage(dir.resolve("img"));
        Path cached = image.file("C:\\Windows\\Installer\\3f1a9.msi");
        Files.createDirectories(cached.getParent());
        Files.copy(dir.resolve("tool.msi"), cached);
        Path software = image.file("C:\\Windows\\System32\\config\\SOFTWARE");
        Files.createDirectories(software.getParent());
        Files.write(software, new RegfBuilder().value("Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\"
                        + "S-1-5-18\\Products\\" + PACKED + "\\InstallProperties", "LocalPackage", 1,
                ("C:\\Windows\\Installer\\3f1a9.msi\0").getBytes(StandardCharsets.UTF_16LE)).build());

        CliRun run = CliRun.run(dir, "plan", "fix.msp", "--image", "img");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("1. install Tool hotfix 1 for Tool 2.0.0")
                .contains("warning: fix.msp: read against 3f1a9.msi, the package Windows Installer cached for the installed product " + PRODUCT_CODE);

        Files.delete(cached);
        CliRun gone = CliRun.run(dir, "plan", "fix.msp", "--image", "img");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("installed in neither the image nor given");
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command) + ": " + out)
                .isTrue();
    }
}
