package dev.patchchain.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.ReplacePolicy;
import dev.patchchain.core.plan.WriteMode;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackageManifestFormatTest {

    private static final String EXAMPLE = """
            {
              "format": "patchchain-package",
              "version": 1,
              "id": "KB2",
              "engine": "naive",
              "files": [
                {"path": "C:\\\\Windows\\\\System32\\\\ntdll.dll", "version": "6.1.0.2", "onDisk": "6.1.0.1"},
                {"path": "C:\\\\Tools\\\\helper.exe", "version": "2.0", "inUse": false, "onDisk": "absent"},
                {"path": "C:\\\\Tools\\\\other.dll", "version": "2.0"}
              ],
              "registry": [
                {"key": "HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce", "value": "Setup",
                 "type": "REG_MULTI_SZ", "mode": "set", "data": ["kb2.exe /finish"]}
              ]
            }
            """;

    private static PackageManifest read(String json) throws FormatException {
        return PackageManifestFormat.read(json.getBytes(StandardCharsets.UTF_8), "kb2.json");
    }

    @Test
    void readsTheDocumentedExample() throws FormatException {
        PackageManifest m = read(EXAMPLE);

        assertThat(m.pkg().id()).isEqualTo("KB2");
        assertThat(m.pkg().engine()).isEqualTo(InstallerEngine.NAIVE);
        assertThat(m.pkg().policy()).isEqualTo(ReplacePolicy.DISK_ONLY);
        assertThat(m.pkg().files()).hasSize(3);
        assertThat(m.pkg().files().get(0).inUse()).isTrue();
        assertThat(m.pkg().files().get(1).inUse()).isFalse();
        assertThat(m.pkg().registryWrites()).singleElement().satisfies(w -> {
            assertThat(w.mode()).isEqualTo(WriteMode.SET);
            assertThat(w.consumedAtBoot()).isTrue();
        });
        WinPath ntdll = WinPath.parse("C:\\Windows\\System32\\ntdll.dll");
        assertThat(m.onDisk().get(ntdll)).isInstanceOfSatisfying(PathState.File.class,
                f -> assertThat(f.facts().version()).contains(FileVersion.parse("6.1.0.1")));
        assertThat(m.onDisk().get(WinPath.parse("C:\\Tools\\helper.exe"))).isEqualTo(PathState.ABSENT);
        assertThat(m.onDisk()).hasSize(2);
    }

    @Test
    void anUnknownFieldIsAnErrorWithItsPointer() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"inUse\": false", "\"inuse\": false")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("at /files/1/inuse: unknown field \"inuse\"");
    }

    @Test
    void wrongValuesAreErrorsWithTheirPointer() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"naive\"", "\"msi\"")))
                .hasMessageContaining("at /engine: expected one of [component-servicing, naive, update.exe, windows-installer]");
        assertThatThrownBy(() -> read(EXAMPLE.replace("REG_MULTI_SZ\", \"mode\": \"set\"", "REG_SZ\", \"mode\": \"append\"")))
                .hasMessageContaining("at /registry/0: only a REG_MULTI_SZ value can be appended to");
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"6.1.0.2\"", "\"6.1.x\"")))
                .hasMessageContaining("at /files/0/version");
        assertThatThrownBy(() -> read(EXAMPLE.replace("other.dll", "helper.exe")))
                .hasMessageContaining("at /files/2/path: the package lists C:\\Tools\\helper.exe twice");
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"version\": 1", "\"version\": \"1\"")))
                .hasMessageContaining("at /version: expected a number here");
    }

    @Test
    void notAManifestAndOversizedInputAreTypedApart() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("patchchain-package", "patchchain-queue")))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
        assertThatThrownBy(() -> PackageManifestFormat.read(new byte[PackageManifestFormat.MAX_INPUT_BYTES + 1], "big.json"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> read(EXAMPLE + "{}")).hasMessageContaining("unexpected content after the document");
    }

    @Test
    void writingTheQueueValueAsARegistryValueIsRefused() {
        String json = EXAMPLE.replace("HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce",
                "HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\Session Manager").replace("\"Setup\"",
                "\"PendingFileRenameOperations\"");
        assertThatThrownBy(() -> read(json)).hasMessageContaining("at /registry/0/value: writing the rename queue");
    }
}
