package dev.patchchain.formats.winbindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.CatalogUpdate;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.formats.FormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A Winbindex record written here in the shape of data/by_filename_compressed/*.json.gz (file hash, then fileInfo
 * and windowsVersions → KB → updateInfo/assemblies), reduced to the fields the importer reads plus a few it ignores.
 */
class WinbindexImporterTest {

    private static final WinPath NTDLL = WinPath.parse("C:\\Windows\\System32\\ntdll.dll");
    private static final String OLD = "1".repeat(64);
    private static final String NEW = "2".repeat(64);
    private static final String WOW = "3".repeat(64);

    private static final String RECORD = """
            {
              "%s": {
                "fileInfo": {"size": 2000000, "sha256": "%s", "machineType": 34404, "timestamp": 1,
                             "version": "10.0.19041.1023 (WinBuild.160101.0800)", "description": "NT Layer DLL"},
                "windowsVersions": {"2004": {"KB5003173": {"updateInfo": {"releaseDate": "2021-05-11"}},
                                             "BASE": {"windowsVersionInfo": {}}},
                                    "20H2": {"KB5003173": {"updateInfo": {}}}}
              },
              "%s": {
                "fileInfo": {"sha256": "%s", "machineType": 34404, "version": "10.0.19041.1052"},
                "windowsVersions": {"2004": {"KB5003690": {}}}
              },
              "%s": {
                "fileInfo": {"sha256": "%s", "machineType": 332, "version": "10.0.19041.1052"},
                "windowsVersions": {"2004": {"KB5003690": {}}}
              },
              "noinfo": {"windowsVersions": {}}
            }
            """.formatted(OLD, OLD, NEW, NEW, WOW, WOW);

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void eachKbExpectsItsBuildOfTheFile() throws IOException {
        UpdateCatalog catalog = WinbindexImporter.read(gzip(RECORD.getBytes(StandardCharsets.UTF_8)),
                "ntdll.dll.json.gz", NTDLL, WinbindexImporter.AMD64);
        assertThat(catalog.updates()).extracting(CatalogUpdate::id)
                .containsExactly(UpdateId.parse("KB5003173"), UpdateId.parse("KB5003690"));
        var file = catalog.find(UpdateId.parse("KB5003690")).orElseThrow().files().get(0);
        assertThat(file.path()).isEqualTo(NTDLL);
        assertThat(file.version()).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("10.0.19041.1052"));
        assertThat(file.sha256()).contains(NEW);
    }

    @Test
    void notJsonOrNotAnObjectIsNotThisFormat() {
        assertThatThrownBy(() -> WinbindexImporter.read("[1]".getBytes(StandardCharsets.UTF_8), "x", NTDLL, 0x8664))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
        assertThatThrownBy(() -> WinbindexImporter.read(new byte[] {0x1F, (byte) 0x8B, 1}, "x", NTDLL, 0x8664))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void aBadVersionIsCorruptWithThePointer() {
        String bad = RECORD.replace("10.0.19041.1052\"", "ten\"");
        assertThatThrownBy(() -> WinbindexImporter.read(bad.getBytes(StandardCharsets.UTF_8), "x", NTDLL, 0x8664))
                .hasMessageContaining("/fileInfo/version: expected a version string");
    }
}
