package dev.patchchain.testing.oracle;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product the MSI transform and patch oracles start from, built by {@code wixl} (msitools): per machine,
 * {@code tool.dll} (PE 2.5.0.7), {@code readme.txt} and a registry value in component {@code Main}, {@code helper.dll}
 * (PE 1.0.0.1) in component {@code Helper}, all into {@code [ProgramFilesFolder]Example Tool}; one embedded cabinet
 * ({@code Media} 1, sequences 1-3); code page 1252.
 *
 * @param msi          the package
 * @param productCode  its ProductCode
 * @param upgradeCode  its UpgradeCode
 * @param version      its ProductVersion
 * @param fileVersions the PE version of each versioned file, by {@code File} key
 */
record MsiProduct(Path msi, String productCode, String upgradeCode, String version,
                  Map<String, FileVersion> fileVersions) {

    static final String PRODUCT_CODE = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D01}";
    static final String UPGRADE_CODE = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D02}";
    static final String VERSION = "2.5.0";
    /** Where the files go on a 64-bit Windows: an Intel (32-bit) package's ProgramFilesFolder. */
    static final String INSTALL_DIR = "Program Files (x86)/Example Tool";
    private static final long TIMEOUT_SECONDS = 120;

    /** Builds {@code product.msi} in {@code dir}. */
    static MsiProduct build(Path dir) throws IOException {
        Map<String, FileVersion> versions = new LinkedHashMap<>();
        versions.put("tool", FileVersion.parse("2.5.0.7"));
        versions.put("helper", FileVersion.parse("1.0.0.1"));
        Files.createDirectories(dir);
        for (Map.Entry<String, FileVersion> e : versions.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".dll"), PeBuilder.dll().fileVersion(e.getValue()).build());
        }
        Files.writeString(dir.resolve("readme.txt"), "hello");
        Files.writeString(dir.resolve("product.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="%s" Name="Example Tool" Version="%s" Manufacturer="Example" Language="1033"
                           Codepage="1252" UpgradeCode="%s">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <Media Id="1" Cabinet="product.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLDIR" Name="Example Tool">
                          <Component Id="Main" Guid="6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D11">
                            <File Id="tool" Name="tool.dll" Source="tool.dll" KeyPath="yes"/>
                            <File Id="readme" Name="readme.txt" Source="readme.txt"/>
                            <RegistryValue Root="HKLM" Key="Software\\Example Tool" Name="Level" Type="integer"
                                           Value="3"/>
                          </Component>
                          <Component Id="Helper" Guid="6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D12">
                            <File Id="helper" Name="helper.dll" Source="helper.dll" KeyPath="yes"/>
                          </Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Complete" Level="1"><ComponentRef Id="Main"/><ComponentRef Id="Helper"/></Feature>
                  </Product>
                </Wix>
                """.formatted(PRODUCT_CODE, VERSION, UPGRADE_CODE));
        run(dir, List.of("wixl", "-o", "product.msi", "product.wxs"));
        return new MsiProduct(dir.resolve("product.msi"), PRODUCT_CODE, UPGRADE_CODE, VERSION, Map.copyOf(versions));
    }

    /**
     * Runs a host program with a time limit.
     *
     * @return its output (standard output and error)
     */
    static String run(Path dir, List<String> command) throws IOException {
        Path output = Files.createTempFile("msi-oracle", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(command + " failed (exit " + p.exitValue() + "): " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
