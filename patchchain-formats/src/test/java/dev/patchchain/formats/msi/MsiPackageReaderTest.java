package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.WriteMode;
import dev.patchchain.core.version.FileVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tool.msi} (built by {@code wixl}, {@link MsiFixtures#tool}) as the planner sees it. */
class MsiPackageReaderTest {

    @TempDir
    Path dir;

    @Test
    void filesGoToTheirDirectoriesWithThePeVersionsOfTheEmbeddedCabinet() throws Exception {
        MsiPackage p = MsiPackageReader.read(MsiFixtures.tool(dir));

        assertThat(p.productName()).isEqualTo("Example Tool");
        assertThat(p.productVersion()).isEqualTo("2.5.0");
        assertThat(p.productCode()).startsWith("{");
        assertThat(p.pkg().id()).isEqualTo("Example Tool 2.5.0");
        assertThat(p.pkg().engine()).isEqualTo(InstallerEngine.WINDOWS_INSTALLER);
        assertThat(p.pkg().files()).containsExactlyInAnyOrder(
                new PackageFile(WinPath.parse("C:\\Program Files (x86)\\Example Tool\\tool.dll"),
                        FileVersion.parse("2.5.0.7"), true),
                new PackageFile(WinPath.parse("C:\\Windows\\SysWOW64\\helper.dll"),
                        FileVersion.parse("1.0.0.1"), true));
        assertThat(p.warnings()).containsExactly("1 unversioned files (no Version and no PE version) are left out");
    }

    @Test
    void registryRowsBecomeWritesAndAnAppendStaysAnAppend() throws Exception {
        MsiPackage p = MsiPackageReader.read(MsiFixtures.tool(dir));

        assertThat(p.pkg().registryWrites()).containsExactlyInAnyOrder(
                new RegistryWrite("HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce", "Setup", false,
                        WriteMode.SET, List.of("tool.exe /finish")),
                new RegistryWrite("HKLM\\Software\\Example", "Level", false, WriteMode.SET, List.of("#3")),
                new RegistryWrite("HKLM\\Software\\Example", "Paths", true, WriteMode.APPEND,
                        List.of("C:\\Program Files (x86)\\Example Tool\\")));
    }
}
