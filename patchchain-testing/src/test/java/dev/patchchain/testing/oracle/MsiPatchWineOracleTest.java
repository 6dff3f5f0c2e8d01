package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.msi.MsiPackage;
import dev.patchchain.formats.msi.MsiPatch;
import dev.patchchain.formats.msi.MsiPatchReader;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import dev.patchchain.testing.msi.ColumnSpec;
import dev.patchchain.testing.msi.MsiInfo;
import dev.patchchain.testing.msi.PatchBuilder;
import dev.patchchain.testing.msi.SummaryStream;
import dev.patchchain.testing.msi.TableChanges;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wine's {@code msiexec} as the oracle of our patch writer and of our patch reader (docs/testing.md): it installs a
 * {@code wixl}-built product into a fresh prefix, then applies the {@code .msp} that {@link PatchBuilder} wrote:
 * transform {@code T1} updates {@code tool.dll}'s {@code File} row (version, size, a sequence past the product's
 * media), inserts a {@code Media} row for the patch's embedded cabinet {@code #PCW_CAB_1} and changes registry rows;
 * transform {@code #T1} adds the {@code PatchPackage} table. The installed {@code tool.dll} must then carry the patch's
 * version, {@code helper.dll} and {@code readme.txt} the product's, and {@code MsiPatchReader} must predict the same
 * files and registry values. A seeded random patch of newer and older files, and one patch per {@link Defect}, each
 * in its own prefix, show what Wine installs and what it needs. Skipped without Wine, msitools or gcab, except under
 * {@code CI=true}.
 */
class MsiPatchWineOracleTest {

    private static final Path WORK = Path.of("target/msi-patch-oracle");
    static final String PATCH_CODE = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9DF1}";
    static final FileVersion PATCHED = FileVersion.parse("2.5.1.0");
    /** An earlier patch this one supersedes: appended to PID 9 (Wine ignores it, with a FIXME). */
    static final String SUPERSEDED = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9DF0}";
    static final String DISPLAY_NAME = "Example Tool Hotfix für 2.5.1";
    /**
     * Language, product, major version and upgrade code: every check Wine's msi.dll makes of a transform (it reads
     * them from PID 16's low word, Microsoft documents them in the high word).
     */
    static final int VALIDATION = 0x0001 | 0x0002 | 0x0008 | 0x0800;
    /** The key of the product's registry value (HKLM; a 32-bit package's, so under WOW6432Node on 64-bit Wine). */
    static final String REGISTRY_KEY = "Software\\Example Tool";
    private static final String OTHER_PRODUCT = "{6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D99}";

    @Test
    void wineInstallsThePatchedFileFromOurPatchAndKeepsTheOthers() throws Exception {
        Corpus.requireTool("wine", "runs msiexec");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the product's schema");
        Corpus.requireTool("gcab", "builds the patch's cabinet");
        long start = System.nanoTime();

        Path dir = WORK.resolve("good");
        HostFiles.deleteTree(dir);
        MsiProduct product = MsiProduct.build(dir.resolve("product"));
        Path msp = dir.resolve("patch.msp");
        Files.write(msp, patch(product, dir.resolve("patch")));
        WinePrefix prefix = WinePrefix.create(dir.resolve("prefix"));
        Path installDir = prefix.driveC().resolve(MsiProduct.INSTALL_DIR);
        try {
            WinePrefix.Result install = prefix.wine("msiexec", "/i", WinePrefix.windowsPath(product.msi()), "/qn");
            assertThat(install.exitCode()).as("msiexec /i: %s%s", install.output(), install.errors()).isZero();
            Map<String, String> installed = listing(installDir);
            System.out.println("[oracle] msi patch: installed " + installed + ", HKLM\\" + REGISTRY_KEY + " "
                    + registryValues(prefix));
            assertThat(registryValues(prefix)).isEqualTo(Map.of("Level", "REG_DWORD 0x3"));
            assertThat(installed).containsEntry("tool.dll", "2.5.0.7").containsEntry("helper.dll", "1.0.0.1")
                    .containsEntry("readme.txt", "unversioned");

            assertPatchSummary(msp, product);
            WinePrefix.Result patch = prefix.wine("msiexec", "/p", WinePrefix.windowsPath(msp), "/qn");
            Map<String, String> patched = listing(installDir);
            System.out.println("[oracle] msi patch: msiexec /p exit " + patch.exitCode() + ", patched " + patched);
            assertThat(patch.exitCode()).as("msiexec /p: %s%s", patch.output(), patch.errors()).isZero();
            assertThat(patched).as("after msiexec /p (Wine's errors: %s)", patch.errors())
                    .isEqualTo(Map.of("tool.dll", PATCHED.toString(), "helper.dll", "1.0.0.1",
                            "readme.txt", "unversioned"));
            assertThat(readerVersusWine(msp, product, installed, patched)).as("MsiPatchReader against Wine").isEmpty();
            Map<String, String> values = registryValues(prefix);
            System.out.println("[oracle] msi patch: HKLM\\" + REGISTRY_KEY + " (32-bit view) after msiexec /p " + values);
            assertThat(values).as("the registry values of the reinstalled feature")
                    .isEqualTo(Map.of("Level", "REG_DWORD 0x4", "Patched", "REG_SZ " + PATCHED));
            assertThat(readerRegistry(msp, product)).as("MsiPatchReader's registry writes under HKLM\\%s",
                    REGISTRY_KEY).isEqualTo(values);
        } finally {
            prefix.stop();
            HostFiles.deleteTree(dir.resolve("prefix"));
        }
        System.out.printf("[oracle] msi patch: %d bytes of .msp, %.1f s%n", Files.size(msp),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * A seeded random patch (-Dpatchchain.seed=N replays one): each of the product's two DLLs is left alone, or
     * replaced by a newer or an older version. Wine must install exactly the newer ones (its reinstall replaces a
     * file only with a newer version) and our reader must agree.
     */
    @Test
    void wineInstallsOnlyTheNewerFilesOfASeededRandomPatch() throws Exception {
        Corpus.requireTool("wine", "runs msiexec");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the product's schema");
        Corpus.requireTool("gcab", "builds the patch's cabinet");
        java.util.Random random = Seeds.random("msi patch oracle");
        Path dir = WORK.resolve("random");
        HostFiles.deleteTree(dir);
        MsiProduct product = MsiProduct.build(dir.resolve("product"));
        Map<String, FileVersion> files = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>(Map.of("readme.txt", "unversioned"));
        for (Map.Entry<String, FileVersion> f : new TreeMap<>(product.fileVersions()).entrySet()) {
            int choice = random.nextInt(3);
            FileVersion v = f.getValue();
            FileVersion changed = switch (choice) {
                case 1 -> new FileVersion(v.major(), v.minor(), v.build() + 1 + random.nextInt(5), random.nextInt(100));
                case 2 -> new FileVersion(Math.max(0, v.major() - 1), 9, random.nextInt(10), 0); // older
                default -> null;
            };
            if (changed != null) {
                files.put(f.getKey(), changed);
            }
            boolean newer = changed != null && changed.compareTo(v) > 0;
            expected.put(f.getKey() + ".dll", (newer ? changed : v).toString());
        }
        if (files.isEmpty()) {
            files.put("tool", PATCHED);
            expected.put("tool.dll", PATCHED.toString());
        }
        Path msp = dir.resolve("patch.msp");
        Files.write(msp, patch(product, dir.resolve("patch"), Defect.NONE, files));
        WinePrefix prefix = WinePrefix.create(dir.resolve("prefix"));
        try {
            WinePrefix.Result install = prefix.wine("msiexec", "/i", WinePrefix.windowsPath(product.msi()), "/qn");
            assertThat(install.exitCode()).as("msiexec /i: %s", install.errors()).isZero();
            Map<String, String> before = listing(prefix.driveC().resolve(MsiProduct.INSTALL_DIR));
            WinePrefix.Result patch = prefix.wine("msiexec", "/p", WinePrefix.windowsPath(msp), "/qn");
            Map<String, String> after = listing(prefix.driveC().resolve(MsiProduct.INSTALL_DIR));
            System.out.println("[oracle] msi random patch " + files + ": msiexec /p exit " + patch.exitCode()
                    + ", installed " + after);
            assertThat(patch.exitCode()).as("msiexec /p (errors: %s)", patch.errors()).isZero();
            assertThat(after).as("files after the patch %s", files).isEqualTo(expected);
            List<String> disagreements = readerVersusWine(msp, product, before, after);
            disagreements.forEach(d -> System.out.println("[reader] random patch " + files + ": " + d));
            assertThat(disagreements).as("MsiPatchReader against Wine").isEmpty();
        } finally {
            prefix.stop();
            HostFiles.deleteTree(dir.resolve("prefix"));
        }
    }

    /**
     * One patch with one defect per run, each in a fresh prefix: what Wine checks, and what it does when a check
     * fails (mostly: nothing, with exit code 0).
     */
    @ParameterizedTest
    @EnumSource(value = Defect.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void wineAppliesAPatchOnlyWithWhatItChecks(Defect defect) throws Exception {
        Corpus.requireTool("wine", "runs msiexec");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the product's schema");
        Corpus.requireTool("gcab", "builds the patch's cabinet");
        Path dir = WORK.resolve(defect.name());
        HostFiles.deleteTree(dir);
        MsiProduct product = MsiProduct.build(dir.resolve("product"));
        Path msp = dir.resolve("patch.msp");
        Files.write(msp, patch(product, dir.resolve("patch"), defect));
        WinePrefix prefix = WinePrefix.create(dir.resolve("prefix"));
        try {
            WinePrefix.Result install = prefix.wine("msiexec", "/i", WinePrefix.windowsPath(product.msi()), "/qn");
            assertThat(install.exitCode()).as("msiexec /i: %s", install.errors()).isZero();
            WinePrefix.Result patch = prefix.wine("msiexec", "/p", WinePrefix.windowsPath(msp), "/qn");
            Map<String, String> files = listing(prefix.driveC().resolve(MsiProduct.INSTALL_DIR));
            System.out.println("[oracle] msi patch with " + defect + ": msiexec /p exit " + patch.exitCode() + ", "
                    + files);
            assertThat(patch.exitCode()).as("msiexec /p exit code (its errors: %s)", patch.errors())
                    .isEqualTo(defect.exitCode);
            assertThat(files).isEqualTo(Map.of("tool.dll", defect.toolVersion, "helper.dll", "1.0.0.1",
                    "readme.txt", "unversioned"));
            Map<String, String> before = Map.of("tool.dll", "2.5.0.7", "helper.dll", "1.0.0.1",
                    "readme.txt", "unversioned");
            if (defect.windowsToolVersion != null) {
                // Wine reads PID 16's words the other way round from Microsoft's documentation: the reader must do
                // what Windows does, and differs from Wine. Said, and the reader checked against Windows instead.
                Map<String, String> windows = new TreeMap<>(files);
                windows.put("tool.dll", defect.windowsToolVersion);
                System.out.println("[oracle] msi patch with " + defect + ": Windows, as documented, installs tool.dll "
                        + defect.windowsToolVersion + ", Wine " + defect.toolVersion);
                assertThat(readerVersusWine(msp, product, before, windows)).as("MsiPatchReader, as Windows").isEmpty();
                return;
            }
            List<String> disagreements = readerVersusWine(msp, product, before, files);
            disagreements.forEach(d -> System.out.println("[reader] " + defect + ": " + d));
            assertThat(disagreements).as("MsiPatchReader against Wine, patch with %s", defect).isEmpty();
        } finally {
            prefix.stop();
            HostFiles.deleteTree(dir.resolve("prefix"));
        }
    }

    /**
     * The patch: {@code tool.dll} at {@link #PATCHED} in cabinet {@code PCW_CAB_1} (made by {@code gcab}), the
     * transforms {@code T1} and {@code #T1}.
     */
    static byte[] patch(MsiProduct product, Path dir) throws Exception {
        return patch(product, dir, Defect.NONE);
    }

    /** What a patch may lack or get wrong, each a fact about what Wine needs (docs/testing.md). */
    enum Defect {
        /** The patch as it should be. */
        NONE(0, "2.5.1.0"),
        /** PID 7 of the patch names another ProductCode: msiexec fails with 1605 (unknown product), as 1605 & 0xFF. */
        OTHER_TARGET_PRODUCT(1605 & 0xFF, "2.5.0.7"),
        /**
         * PID 9 of T1 names another ProductCode, the validation flags in PID 16's low word, where Wine reads them: T1
         * is skipped without a word. Windows reads them in the high word (0 here): it checks nothing and applies T1,
         * and so does our reader.
         */
        OTHER_PRODUCT_FLAGS_LOW_WORD(0, "2.5.0.7", "2.5.1.0"),
        /**
         * The same with the flags in the high word, where Microsoft documents them (and our good patch has them):
         * Wine reads the low word (0), checks nothing and applies T1. Windows would skip it, and so does our reader.
         */
        OTHER_PRODUCT_FLAGS_HIGH_WORD(0, "2.5.1.0", "2.5.0.7"),
        /** PID 9 of T1 names another ProductCode, but PID 16 is 0 (nothing to check): T1 applies. */
        OTHER_PRODUCT_UNVALIDATED(0, "2.5.1.0"),
        /** The patch's Media row without Source: its cabinet is not registered, the file not replaced. */
        MEDIA_WITHOUT_SOURCE(0, "2.5.0.7"),
        /** tool.dll's File row keeps its sequence: it falls into the product's media and is reinstalled from it. */
        SEQUENCE_NOT_MOVED(0, "2.5.0.7"),
        /** No #T1 substorage, only T1: Wine needs none. */
        NO_PATCH_TRANSFORM(0, "2.5.1.0");

        final int exitCode;
        final String toolVersion;
        /** What Windows installs, as Microsoft documents it, where Wine does otherwise; null where they agree. */
        final String windowsToolVersion;

        Defect(int exitCode, String toolVersion) {
            this(exitCode, toolVersion, null);
        }

        Defect(int exitCode, String toolVersion, String windowsToolVersion) {
            this.exitCode = exitCode;
            this.toolVersion = toolVersion;
            this.windowsToolVersion = windowsToolVersion;
        }
    }

    static byte[] patch(MsiProduct product, Path dir, Defect defect) throws Exception {
        return patch(product, dir, defect, Map.of("tool", PATCHED));
    }

    /**
     * @param files the files the patch replaces, by {@code File} key, with their new PE versions: each gets a
     *              sequence past the product's, in that order, and an entry of the patch's cabinet
     */
    static byte[] patch(MsiProduct product, Path dir, Defect defect, Map<String, FileVersion> files) throws Exception {
        Files.createDirectories(dir);
        List<String> command = new java.util.ArrayList<>(List.of("gcab", "-c", "PCW_CAB_1.cab"));
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, FileVersion> f : new TreeMap<>(files).entrySet()) {
            byte[] pe = PeBuilder.dll().fileVersion(f.getValue()).string("FileDescription", "patched " + f.getKey())
                    .build();
            Files.write(dir.resolve(f.getKey()), pe); // a cabinet's entries are named by File key
            command.add(f.getKey());
            sizes.put(f.getKey(), pe.length);
        }
        MsiProduct.run(dir, command);
        byte[] cabinet = Files.readAllBytes(dir.resolve("PCW_CAB_1.cab"));

        int lastSequence = MsiInfo.rows(product.msi(), "Media").stream()
                .mapToInt(r -> Integer.parseInt(r.get(1))).max().orElseThrow();
        TransformBuilder t1 = new TransformBuilder(1252);
        int sequence = lastSequence;
        for (Map.Entry<String, Integer> f : sizes.entrySet()) {
            Map<String, Object> file = new java.util.LinkedHashMap<>(Map.of("Version", files.get(f.getKey()).toString(),
                    "FileSize", f.getValue(), "Sequence", ++sequence));
            if (defect == Defect.SEQUENCE_NOT_MOVED) {
                file.remove("Sequence");
            }
            t1.table(MsiInfo.schema(product.msi(), "File")).update(Map.of("File", f.getKey()), file);
        }
        Map<String, Object> media = new java.util.LinkedHashMap<>(Map.of("DiskId", 2, "LastSequence", sequence,
                "Cabinet", "#PCW_CAB_1", "Source", "PATCHMediaSrcProp"));
        if (defect == Defect.MEDIA_WITHOUT_SOURCE) {
            media.remove("Source");
        }
        t1.table(MsiInfo.schema(product.msi(), "Media")).insert(media);
        TableChanges registry = t1.table(MsiInfo.schema(product.msi(), "Registry"));
        String level = MsiInfo.rows(product.msi(), "Registry").get(0).get(0);
        registry.update(Map.of("Registry", level), Map.of("Value", "#4"));
        registry.insert(Map.of("Registry", "regPatched", "Root", 2, "Key", REGISTRY_KEY, "Name", "Patched",
                "Value", PATCHED.toString(), "Component_", "Main"));
        TransformBuilder patchTables = new TransformBuilder(1252);
        patchTables.addTable(new TableSchema("PatchPackage", List.of(new ColumnSpec("PatchId", "s38", true),
                new ColumnSpec("Media_", "i2", false)))).insert(Map.of("PatchId", PATCH_CODE, "Media_", 2));
        String target = defect == Defect.OTHER_TARGET_PRODUCT ? OTHER_PRODUCT : product.productCode();
        PatchBuilder patch = new PatchBuilder(PATCH_CODE, List.of(target))
                .describedAs("Example Tool 2.5.1", "tool.dll 2.5.1.0")
                .metadata("DisplayName", DISPLAY_NAME).metadata("Classification", "Hotfix")
                .metadata("AllowRemoval", "0")
                .supersedes(List.of(SUPERSEDED))
                .transform("T1", t1, transformSummary(product, defect));
        if (defect != Defect.NO_PATCH_TRANSFORM) {
            patch.transform("#T1", patchTables, transformSummary(product, Defect.NONE));
        }
        return patch.cabinet("PCW_CAB_1", cabinet).toBytes();
    }

    private static SummaryStream transformSummary(MsiProduct product, Defect defect) {
        boolean other = defect.name().startsWith("OTHER_PRODUCT_");
        String from = (other ? OTHER_PRODUCT : product.productCode()) + product.version();
        int flags = switch (defect) {
            case OTHER_PRODUCT_FLAGS_LOW_WORD -> VALIDATION;
            case OTHER_PRODUCT_UNVALIDATED -> 0;
            default -> VALIDATION << 16; // Microsoft: validation flags high, error conditions (none) low
        };
        return new SummaryStream().title("Transform").template("Intel;1033")
                .revNumber(from + ";" + from + ";" + product.upgradeCode()).charCount(flags);
    }

    /**
     * Our reader on the same patch, with the planner's rule for its engine: for every file
     * {@code MsiPatchReader.read(msp, product)} lists, {@code pkg.policy().replaces(version, the file before, [])}
     * says whether Wine replaced it, and with that version; a file it does not list Wine must not have changed. When
     * Wine refuses the patch for its targets (exit 1605), the reader must refuse it too.
     *
     * @param before the install directory's files before the patch, by name: PE version or "unversioned"
     * @param after  the same after it
     * @return one line per disagreement
     */
    static List<String> readerVersusWine(Path msp, MsiProduct product, Map<String, String> before,
                                         Map<String, String> after) throws Exception {
        Map<String, String> wine = new TreeMap<>();
        after.forEach((name, version) -> {
            if (!version.equals(before.get(name))) {
                wine.put(name, version);
            }
        });
        List<String> disagreements = new java.util.ArrayList<>();
        MsiPackage pkg;
        try {
            pkg = MsiPatchReader.read(msp, product.msi());
        } catch (IllegalArgumentException refused) {
            if (!wine.isEmpty()) {
                disagreements.add("the reader refuses the patch (" + refused.getMessage() + "), Wine changed " + wine);
            }
            return disagreements;
        }
        WinPath dir = WinPath.parse("C:\\" + MsiProduct.INSTALL_DIR.replace('/', '\\'));
        Map<String, String> carried = new TreeMap<>();
        Map<String, String> predicted = new TreeMap<>();
        for (PackageFile f : pkg.pkg().files()) {
            if (!f.target().parent().equals(dir)) {
                disagreements.add("the reader installs " + f.target() + " " + f.version() + ", outside " + dir);
                continue;
            }
            String name = f.target().fileName();
            carried.put(name, f.version().toString());
            String old = before.get(name);
            PathState onDisk = old == null ? new PathState.Absent() : PathState.file(old.equals("unversioned")
                    ? FileFacts.unversioned(0, "not a PE") : FileFacts.versioned(0, FileVersion.parse(old)));
            if (pkg.pkg().policy().replaces(f.version(), onDisk, List.of()) && !f.version().toString().equals(old)) {
                predicted.put(name, f.version().toString());
            }
        }
        if (!predicted.equals(wine)) {
            disagreements.add("files changed: by Wine " + wine + "; by MsiPatchReader's files " + carried + " under "
                    + pkg.pkg().policy() + ": " + predicted + " (its warnings: " + pkg.warnings() + ")");
        }
        return disagreements;
    }

    /**
     * The patch's summary and own database read by msitools ({@code msiinfo suminfo}, {@code msiinfo export} of
     * {@code MsiPatchMetadata}) and by {@code MsiPatchReader.read(msp)}: what {@link PatchBuilder} wrote.
     */
    private static void assertPatchSummary(Path msp, MsiProduct product) throws Exception {
        assertThat(ExpectedTable.sorted(MsiInfo.rows(msp, "MsiPatchMetadata"))).as("msiinfo export of the patch")
                .isEqualTo(ExpectedTable.sorted(List.of(List.of("", "DisplayName", DISPLAY_NAME),
                        List.of("", "Classification", "Hotfix"), List.of("", "AllowRemoval", "0"))));
        assertThat(MsiInfo.summary(msp).lines().toList()).as("msiinfo suminfo of the patch").contains(
                "Template: " + product.productCode(), "Last author: :T1;:#T1",
                "Revision number (UUID): " + PATCH_CODE + SUPERSEDED, "Title: Example Tool 2.5.1");
        MsiPatch read = MsiPatchReader.read(msp);
        assertThat(read.patchCode()).isEqualTo(PATCH_CODE);
        assertThat(read.targetProductCodes()).containsExactly(product.productCode());
        assertThat(read.transforms()).containsExactly("T1", "#T1");
        assertThat(read.supersedes()).containsExactly(SUPERSEDED);
        assertThat(read.metadata()).isEqualTo(Map.of("DisplayName", DISPLAY_NAME, "Classification", "Hotfix",
                "AllowRemoval", "0"));
        assertThat(read.displayName()).isEqualTo(DISPLAY_NAME);
        assertThat(MsiPatchReader.read(msp, product.msi()).pkg().id()).startsWith(DISPLAY_NAME + " for ");
    }

    /** @return the values of {@link #REGISTRY_KEY} in HKLM's 32-bit view, as {@code reg query} shows them */
    static Map<String, String> registryValues(WinePrefix prefix) throws Exception {
        WinePrefix.Result r = prefix.wine("reg", "query", "HKLM\\" + REGISTRY_KEY, "/reg:32");
        Map<String, String> values = new TreeMap<>();
        for (String line : r.output().split("\r?\n")) {
            String[] f = line.strip().split("\\s{4}");
            if (line.startsWith("    ") && f.length == 3) {
                values.put(f[0], f[1] + " " + f[2]);
            }
        }
        return values;
    }

    /**
     * @return the registry writes {@code MsiPatchReader.read(msp, msi)} gives under {@code HKLM\REGISTRY_KEY}, in
     *         {@code reg query}'s form: {@code #n} as a {@code REG_DWORD}, any other value as a {@code REG_SZ}
     */
    static Map<String, String> readerRegistry(Path msp, MsiProduct product) throws Exception {
        Map<String, String> values = new TreeMap<>();
        for (RegistryWrite w : MsiPatchReader.read(msp, product.msi()).pkg().registryWrites()) {
            if (w.key().equalsIgnoreCase("HKLM\\" + REGISTRY_KEY)) {
                String data = w.data().get(0);
                values.put(w.valueName(), data.matches("#[0-9]+")
                        ? "REG_DWORD 0x" + Integer.toHexString(Integer.parseInt(data.substring(1))) : "REG_SZ " + data);
            }
        }
        return values;
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
