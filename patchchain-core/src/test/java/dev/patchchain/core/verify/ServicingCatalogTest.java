package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.registry.MapRegistry;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ServicingCatalog} on an in-memory volume: joins, grouping, projection, supersedence. */
class ServicingCatalogTest {

    private static final String TOKEN = "31bf3856ad364e35";
    private static final String PACKAGES = CbsPackages.PACKAGES + "\\";

    private final InMemoryVolume volume = new InMemoryVolume();
    private final Map<WinPath, String> hashes = new HashMap<>();
    private final List<WinSxsName> dirs = new ArrayList<>();
    private final MapRegistry software = new MapRegistry().key(CbsPackages.PACKAGES);

    private WinSxsName component(String arch, String name, String version, String file, String sha) {
        WinSxsName dir = WinSxsName.parse(arch + "_" + name + "_" + TOKEN + "_" + version + "_none_0123456789abcdef");
        dirs.add(dir);
        WinPath path = WinPath.parse("C:\\Windows\\WinSxS\\" + dir + "\\" + file);
        volume.putFile(path, FileFacts.unversioned(10, "test"));
        hashes.put(path, sha.repeat(64));
        return dir;
    }

    private void file(String path, String sha) {
        volume.putFile(WinPath.parse(path), FileFacts.unversioned(10, "test"));
        hashes.put(WinPath.parse(path), sha.repeat(64));
    }

    private static ServicingPackage pkg(String name, String kb, ComponentIdentity... components) {
        return new ServicingPackage(name, kb, "Update", List.of(components), List.of());
    }

    private static ComponentIdentity id(String arch, String name, String version) {
        return new ComponentIdentity(name, FileVersion.parse(version), arch, TOKEN, "neutral");
    }

    private RegistryUpdates read(List<ServicingPackage> packages, Optional<RegistryView> registry) {
        ServicingStore store = new ServicingStore(packages, dirs, d -> new StoreManifest.Compressed(), List.of());
        return ServicingCatalog.read(store, registry, volume, volume, p -> Optional.ofNullable(hashes.get(p)),
                PathContext.DEFAULT);
    }

    @Test
    void anAbbreviatedDirectoryNameIsTheComponentsAndX86GoesToSystem32OnA32BitImage() {
        component("x86", "microsoft-windows-a..-infrastructure", "6.1.7601.2", "ae.dll", "b");
        file("C:\\Windows\\System32\\ae.dll", "b");
        software.dword(PACKAGES + "P1", "CurrentState", 0x70);
        RegistryUpdates read = read(List.of(pkg("P1", "KB1",
                id("x86", "Microsoft-Windows-Application-Experience-Infrastructure", "6.1.7601.2"))), Optional.of(software));
        ExpectedFile f = read.catalog().find(UpdateId.parse("KB1")).orElseThrow().files().get(0);
        assertThat(f.path()).isEqualTo(WinPath.parse("C:\\Windows\\System32\\ae.dll"));
        assertThat(f.sha256()).hasValue("b".repeat(64));
    }

    @Test
    void packagesOfOneKbUniteAndTheMostAdvancedStateDescribesIt() {
        component("amd64", "a", "1.0.0.1", "a.dll", "a");
        component("amd64", "b", "1.0.0.1", "b.dll", "b");
        volume.putDirectory(WinPath.parse("C:\\Windows\\SysWOW64"));
        file("C:\\Windows\\System32\\a.dll", "a");
        file("C:\\Windows\\System32\\b.dll", "b");
        software.dword(PACKAGES + "Package_1_for_KB2", "CurrentState", 0x60);
        software.dword(PACKAGES + "Package_2_for_KB2", "CurrentState", 0x70);
        RegistryUpdates read = read(List.of(pkg("Package_1_for_KB2", "KB2", id("amd64", "a", "1.0.0.1")),
                pkg("Package_2_for_KB2", "KB2", id("amd64", "b", "1.0.0.1"))), Optional.of(software));
        assertThat(read.catalog().find(UpdateId.parse("KB2")).orElseThrow().files())
                .extracting(e -> e.path().fileName()).containsExactly("a.dll", "b.dll");
        assertThat(read.inventory().updates()).singleElement()
                .satisfies(u -> assertThat(u.description()).contains("Package_2_for_KB2", "installed (0x70)"));
    }

    @Test
    void aSupersededPackageWithoutAKnownSupersederIsJudgedAgainstTheNewest() {
        component("amd64", "a", "1.0.0.1", "a.dll", "a");
        software.dword(PACKAGES + "P0", "CurrentState", 0x50);
        RegistryUpdates read = read(List.of(pkg("P0", "KB0", id("amd64", "a", "1.0.0.1"))), Optional.of(software));
        assertThat(read.catalog().supersededBy(UpdateId.parse("KB0"))).isEmpty();
        assertThat(read.catalog().find(UpdateId.parse("KB0")).orElseThrow().files()).hasSize(1);
    }

    @Test
    void withoutASoftwareHiveNothingIsInstalled() {
        component("amd64", "a", "1.0.0.1", "a.dll", "a");
        RegistryUpdates read = read(List.of(pkg("P1", "KB1", id("amd64", "a", "1.0.0.1"))), Optional.empty());
        assertThat(read.inventory().updates()).isEmpty();
        assertThat(read.catalog().updates()).isEmpty();
    }
}
