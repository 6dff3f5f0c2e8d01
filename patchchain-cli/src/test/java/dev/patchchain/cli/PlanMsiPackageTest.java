package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchchain plan} reads an {@code .msi} (made with {@code wixl}) beside a JSON manifest. */
class PlanMsiPackageTest {

    @TempDir
    Path dir;

    @Test
    void anMsiConflictsWithANaiveInstallerOnAFileAndRunOnce() throws Exception {
        Corpus.requireTool("wixl", "builds the MSI");
        Files.write(dir.resolve("tool.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("2.0.0.0")).build());
        Files.writeString(dir.resolve("tool.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Tool" Version="2.0.0" Manufacturer="Example" Language="1033"
                           UpgradeCode="12345678-1234-1234-1234-111111111111">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="System64Folder">
                        <Component Id="Main" Guid="12345678-1234-1234-1234-222222222222">
                          <File Id="tool" Name="tool.dll" Source="tool.dll" KeyPath="yes"/>
                          <RegistryValue Root="HKLM" Key="Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce"
                                         Name="Setup" Type="string" Value="[~]tool.exe /finish"/>
                        </Component>
                      </Directory>
                    </Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="Main"/></Feature>
                  </Product>
                </Wix>
                """);
        Process wixl = new ProcessBuilder("wixl", "-o", "tool.msi", "tool.wxs").directory(dir.toFile())
                .redirectErrorStream(true).start();
        wixl.getInputStream().readAllBytes();
        assertThat(wixl.waitFor(60, TimeUnit.SECONDS) && wixl.exitValue() == 0).isTrue();
        Files.writeString(dir.resolve("b.json"), """
                {"format": "patchchain-package", "version": 1, "id": "B", "engine": "naive",
                 "files": [{"path": "C:\\\\Windows\\\\System32\\\\tool.dll", "version": "1.5", "onDisk": "1.0"}],
                 "registry": [{"key": "HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce",
                               "value": "Setup", "type": "REG_MULTI_SZ", "mode": "set", "data": ["b.exe"]}]}
                """);

        CliRun run = CliRun.run(dir, "plan", "tool.msi", "b.json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("C:\\Windows\\System32\\tool.dll: Tool 2.0.0 installs 2.0.0.0")
                .contains("All 2 packages: REBOOT_REQUIRED_BETWEEN");
        assertThat(run.exit()).isEqualTo(1);
    }
}
