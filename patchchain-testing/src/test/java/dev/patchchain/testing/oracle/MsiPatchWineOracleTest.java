package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.msi.ColumnSpec;
import dev.patchchain.testing.msi.MsiInfo;
import dev.patchchain.testing.msi.PatchBuilder;
import dev.patchchain.testing.msi.SummaryStream;
import dev.patchchain.testing.msi.TableSchema;
import dev.patchchain.testing.msi.TransformBuilder;
import dev.patchchain.testing.wine.WinePrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wine's {@code msiexec} as the oracle of our patch writer (docs/testing.md): it installs a {@code wixl}-built
 * product into a fresh prefix, then applies the {@code .msp} that {@link PatchBuilder} wrote: transform {@code T1}
 * updates {@code tool.dll}'s {@code File} row (version, size, a sequence past the product's media) and inserts a
 * {@code Media} row for the patch's embedded cabinet {@code #PCW_CAB_1}; transform {@code #T1} adds the
 * {@code PatchPackage} table. The installed {@code tool.dll} must then carry the patch's version, {@code helper.dll}
 * and {@code readme.txt} the product's. Skipped without Wine, msitools or gcab, except under {@code CI=true}.
 */
class MsiPatchWineOracleTest {

    private static final Path WORK = Path.of("target/msi-patch-oracle");
    static final String PATCH_CODE = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9DF1}";
    static final FileVersion PATCHED = FileVersion.parse("2.5.1.0");
    /** Language, product, major version and upgrade code: every check Wine's msi.dll makes of a transform. */
    static final int VALIDATION = 0x0001 | 0x0002 | 0x0008 | 0x0800;

    @Test
    void wineInstallsThePatchedFileFromOurPatchAndKeepsTheOthers() throws Exception {
        Corpus.requireTool("wine", "runs msiexec");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the product's schema");
        Corpus.requireTool("gcab", "builds the patch's cabinet");
        long start = System.nanoTime();

        HostFiles.deleteTree(WORK);
        MsiProduct product = MsiProduct.build(WORK.resolve("product"));
        Path msp = WORK.resolve("patch.msp");
        Files.write(msp, patch(product, WORK.resolve("patch")));
        WinePrefix prefix = WinePrefix.create(WORK.resolve("prefix"));
        Path installDir = prefix.driveC().resolve(MsiProduct.INSTALL_DIR);
        try {
            WinePrefix.Result install = prefix.wine("msiexec", "/i", WinePrefix.windowsPath(product.msi()), "/qn");
            assertThat(install.exitCode()).as("msiexec /i: %s%s", install.output(), install.errors()).isZero();
            Map<String, String> installed = listing(installDir);
            System.out.println("[oracle] msi patch: installed " + installed);
            assertThat(installed).containsEntry("tool.dll", "2.5.0.7").containsEntry("helper.dll", "1.0.0.1")
                    .containsEntry("readme.txt", "unversioned");

            WinePrefix.Result patch = prefix.wine("msiexec", "/p", WinePrefix.windowsPath(msp), "/qn");
            Map<String, String> patched = listing(installDir);
            System.out.println("[oracle] msi patch: msiexec /p exit " + patch.exitCode() + ", patched " + patched);
            assertThat(patch.exitCode()).as("msiexec /p: %s%s", patch.output(), patch.errors()).isZero();
            assertThat(patched).as("after msiexec /p (Wine's errors: %s)", patch.errors())
                    .isEqualTo(Map.of("tool.dll", PATCHED.toString(), "helper.dll", "1.0.0.1",
                            "readme.txt", "unversioned"));
        } finally {
            prefix.stop();
            HostFiles.deleteTree(WORK.resolve("prefix"));
        }
        System.out.printf("[oracle] msi patch: %d bytes of .msp, %.1f s%n", Files.size(msp),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The patch: {@code tool.dll} at {@link #PATCHED} in cabinet {@code PCW_CAB_1} (made by {@code gcab}), the
     * transforms {@code T1} and {@code #T1}.
     */
    static byte[] patch(MsiProduct product, Path dir) throws Exception {
        Files.createDirectories(dir);
        byte[] tool = PeBuilder.dll().fileVersion(PATCHED).string("FileDescription", "patched tool").build();
        Files.write(dir.resolve("tool"), tool); // a cabinet's entries are named by File key
        MsiProduct.run(dir, List.of("gcab", "-c", "PCW_CAB_1.cab", "tool"));
        byte[] cabinet = Files.readAllBytes(dir.resolve("PCW_CAB_1.cab"));

        int lastSequence = MsiInfo.rows(product.msi(), "Media").stream()
                .mapToInt(r -> Integer.parseInt(r.get(1))).max().orElseThrow();
        TransformBuilder t1 = new TransformBuilder(1252);
        t1.table(MsiInfo.schema(product.msi(), "File")).update(Map.of("File", "tool"),
                Map.of("Version", PATCHED.toString(), "FileSize", tool.length, "Sequence", lastSequence + 1));
        t1.table(MsiInfo.schema(product.msi(), "Media")).insert(Map.of("DiskId", 2, "LastSequence", lastSequence + 1,
                "Cabinet", "#PCW_CAB_1", "Source", "PATCHMediaSrcProp"));
        TransformBuilder patchTables = new TransformBuilder(1252);
        patchTables.addTable(new TableSchema("PatchPackage", List.of(new ColumnSpec("PatchId", "s38", true),
                new ColumnSpec("Media_", "i2", false)))).insert(Map.of("PatchId", PATCH_CODE, "Media_", 2));
        return new PatchBuilder(PATCH_CODE, List.of(product.productCode()))
                .describedAs("Example Tool 2.5.1", "tool.dll 2.5.1.0")
                .transform("T1", t1, transformSummary(product))
                .transform("#T1", patchTables, transformSummary(product))
                .cabinet("PCW_CAB_1", cabinet)
                .toBytes();
    }

    private static SummaryStream transformSummary(MsiProduct product) {
        String from = product.productCode() + product.version();
        return new SummaryStream().title("Transform").template("Intel;1033")
                .revNumber(from + ";" + from + ";" + product.upgradeCode()).charCount(VALIDATION);
    }

    /** @return every file of the directory: its PE file version, or "unversioned" */
    static Map<String, String> listing(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.toList()) {
                String version;
                try {
                    version = PeVersionReader.read(f).fileVersion().map(FileVersion::toString).orElse("unversioned");
                } catch (java.io.IOException notPe) {
                    version = "unversioned";
                }
                files.put(f.getFileName().toString(), version);
            }
        }
        return files;
    }
}
