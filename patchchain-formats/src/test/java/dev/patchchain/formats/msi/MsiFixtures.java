package dev.patchchain.formats.msi;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** MSIs for the tests, built with {@code wixl} from the WiX source below. */
final class MsiFixtures {

    private MsiFixtures() {
    }

    /**
     * {@code tool.msi}: per machine; {@code tool.dll} (a PE of 2.5.0.7) and {@code readme.txt} into
     * {@code [ProgramFilesFolder]Example Tool}, {@code helper.dll} (PE 1.0.0.1) into {@code [SystemFolder]}; a
     * {@code RunOnce} string, an integer and a multi-string appended to ({@code [~]...}) under HKLM. wixl 0.101
     * knows neither {@code Action} nor {@code MultiStringValue}, so the append is written as MSI spells it.
     */
    static Path tool(Path dir) throws Exception {
        Files.write(dir.resolve("tool.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("2.5.0.7")).build());
        Files.write(dir.resolve("helper.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("1.0.0.1")).build());
        Files.writeString(dir.resolve("readme.txt"), "hello");
        Files.writeString(dir.resolve("tool.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Example Tool" Version="2.5.0" Manufacturer="Example" Language="1033"
                           UpgradeCode="12345678-1234-1234-1234-111111111111">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLDIR" Name="Example Tool">
                          <Component Id="Main" Guid="12345678-1234-1234-1234-222222222222">
                            <File Id="tool" Name="tool.dll" Source="tool.dll" KeyPath="yes"/>
                            <File Id="readme" Name="readme.txt" Source="readme.txt"/>
                            <RegistryValue Root="HKLM" Key="Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce"
                                           Name="Setup" Type="string" Value="tool.exe /finish"/>
                            <RegistryValue Root="HKLM" Key="Software\\Example" Name="Level" Type="integer" Value="3"/>
                            <RegistryValue Root="HKLM" Key="Software\\Example" Name="Paths" Type="string"
                                           Value="[~][INSTALLDIR]"/>
                          </Component>
                        </Directory>
                      </Directory>
                      <Directory Id="SystemFolder">
                        <Component Id="Helper" Guid="12345678-1234-1234-1234-333333333333">
                          <File Id="helper" Name="helper.dll" Source="helper.dll" KeyPath="yes"/>
                        </Component>
                      </Directory>
                    </Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="Main"/><ComponentRef Id="Helper"/></Feature>
                  </Product>
                </Wix>
                """);
        return MsiTools.wixl(dir.resolve("tool.wxs"), "tool.msi");
    }
}
