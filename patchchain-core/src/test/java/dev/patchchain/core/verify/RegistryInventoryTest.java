package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.registry.MapRegistry;
import dev.patchchain.core.version.FileVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryInventoryTest {

    private static final String XP = "Microsoft\\Updates\\Windows XP\\SP3\\KB958644";
    private static final String PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";

    @Test
    void legacyRecordsGiveInstalledUpdatesAndTheirFiles() {
        MapRegistry software = new MapRegistry()
                .string(XP, "Description", "Security Update for Windows XP (KB958644)")
                .string(XP, "InstalledBy", "Administrator")
                .string(XP, "InstalledDate", "11/25/2008")
                .string(XP + "\\Filelist\\0", "FileName", "netapi32.dll")
                .string(XP + "\\Filelist\\0", "Location", "%SystemRoot%\\system32")
                .string(XP + "\\Filelist\\0", "Version", "5.1.2600.5694 (xpsp_sp3_gdr.081022-1251)")
                .string(XP + "\\Filelist\\1", "FileName", "x.dll")
                .string("Microsoft\\Updates\\DataAccess\\Q318203", "Description", "MDAC hotfix");
        RegistryUpdates read = RegistryInventory.read(software, PathContext.DEFAULT);
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB958644", "Q318203");
        InstalledUpdate kb = read.inventory().find(UpdateId.parse("KB958644")).orElseThrow();
        assertThat(kb.installedBy()).contains("Administrator");
        assertThat(kb.installedOn()).contains("11/25/2008");
        assertThat(kb.source()).isEqualTo("registry Updates");
        assertThat(read.catalog().find(UpdateId.parse("KB958644")).orElseThrow().files()).singleElement()
                .isEqualTo(new ExpectedFile(WinPath.parse("C:\\Windows\\system32\\netapi32.dll"),
                        Optional.of(FileVersion.parse("5.1.2600.5694")), Optional.empty()));
        assertThat(read.inventory().warnings()).singleElement().asString().contains("Filelist\\1");
    }

    @Test
    void cbsPackagesCountByCurrentState() {
        MapRegistry software = new MapRegistry()
                .dword(PACKAGES + "Package_for_KB4565511~31bf3856ad364e35~amd64~~10.0.1.6", "CurrentState", 0x70)
                .dword(PACKAGES + "Package_for_KB4565511~31bf3856ad364e35~amd64~~10.0.1.6", "InstallTimeHigh", 0x01d6590f)
                .dword(PACKAGES + "Package_for_KB4565511~31bf3856ad364e35~amd64~~10.0.1.6", "InstallTimeLow", 0)
                .string(PACKAGES + "Package_for_KB4565511~31bf3856ad364e35~amd64~~10.0.1.6", "InstallUser", "S-1-5-18")
                .dword(PACKAGES + "Package_1_for_KB5000001~31bf3856ad364e35~amd64~~10.0.1.1", "CurrentState", 0x60)
                .dword(PACKAGES + "Package_2_for_KB5000001~31bf3856ad364e35~amd64~~10.0.1.1", "CurrentState", 0x70)
                .dword(PACKAGES + "Package_for_KB5000002~31bf3856ad364e35~amd64~~10.0.1.1", "CurrentState", 0x40)
                .dword(PACKAGES + "Package_for_KB5000003~31bf3856ad364e35~amd64~~10.0.1.1", "CurrentState", 0x33)
                .dword(PACKAGES + "Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.1", "CurrentState", 0x70);
        RegistryUpdates read = RegistryInventory.read(software, PathContext.DEFAULT);
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB4565511", "KB5000001");
        InstalledUpdate kb = read.inventory().updates().get(0);
        assertThat(kb.description()).contains("installed (0x70)");
        assertThat(kb.installedBy()).contains("S-1-5-18");
        assertThat(kb.installedOn()).hasValueSatisfying(d -> assertThat(d).startsWith("2020-"));
        assertThat(read.inventory().updates().get(1).description()).contains("Package_2_for_KB5000001");
        assertThat(read.inventory().warnings()).singleElement().asString().contains("0x33");
        assertThat(read.catalog().updates()).isEmpty();
    }

    @Test
    void anEmptyHiveHasNothing() {
        RegistryUpdates read = RegistryInventory.read(new MapRegistry(), PathContext.DEFAULT);
        assertThat(read.inventory().updates()).isEmpty();
        assertThat(read.catalog().updates()).isEmpty();
    }
}
