package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.Seeds;
import dev.patchchain.testing.msi.MsiInfo;
import dev.patchchain.testing.msi.SummaryStream;
import dev.patchchain.testing.msi.TableChanges;
import dev.patchchain.testing.msi.TableSchema;
import dev.patchchain.testing.msi.TransformBuilder;
import dev.patchchain.testing.wine.WinePrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wine's {@code msi.dll} as the oracle of our transform writer (docs/testing.md): a helper opens a copy of a
 * {@code wixl}-built product with {@code MsiOpenDatabaseW}, applies the {@code .mst} that {@link TransformBuilder}
 * wrote with {@code MsiDatabaseApplyTransformW} and commits; {@code msiinfo export} of {@code File}, {@code Media},
 * {@code Registry} and {@code Component} must then hold exactly the rows the transform meant: fixed inserts, updates
 * of some columns, deletes, an insert over existing keys, strings outside ASCII, and a seeded random set of changes
 * ({@code -Dpatchchain.seed=N} replays one). Twice: a code page 1252 pool with 2-byte string ids, and a UTF-8 pool
 * with 3-byte ids. Skipped without Wine, MinGW-w64 or msitools, except under {@code CI=true}.
 */
class MsiTransformWineOracleTest {

    private static final Path WORK = Path.of("target/msi-transform-oracle");
    private static final List<String> TABLES = List.of("File", "Media", "Registry", "Component");
    private static final int RANDOM_CHANGES_PER_TABLE = 12;

    @Test
    void wineAppliesOurTransformsToExactlyTheRowsTheyDescribe() throws Exception {
        Corpus.requireTool("wine", "applies the transforms with msi.dll");
        Corpus.requireTool(HelperBinary.COMPILER, "builds the Windows helper");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the transformed databases");
        long seed = Seeds.seed("msi transform oracle");
        long start = System.nanoTime();

        HostFiles.deleteTree(WORK);
        Path helper = HelperBinary.build(WORK, "msi_transform_helper", "-municode", "-lmsi");
        MsiProduct product = MsiProduct.build(WORK.resolve("product"));
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        for (String table : TABLES) {
            schemas.put(table, MsiInfo.schema(product.msi(), table));
        }
        WinePrefix prefix = WinePrefix.create(WORK.resolve("prefix"));
        int rowsCompared = 0;
        try {
            for (int variant = 0; variant < 2; variant++) {
                boolean utf8 = variant == 1;
                Random random = new Random(seed + variant);
                TransformBuilder transform = new TransformBuilder(utf8 ? 65001 : 1252);
                if (utf8) {
                    transform.longStringRefs();
                }
                Map<String, ExpectedTable> expected = new LinkedHashMap<>();
                for (String table : TABLES) {
                    expected.put(table, new ExpectedTable(schemas.get(table), MsiInfo.rows(product.msi(), table)));
                }
                fixedChanges(transform, schemas, expected);
                RandomRowChanges randomChanges = new RandomRowChanges(random);
                Map<String, Object> counts = new LinkedHashMap<>();
                for (String table : TABLES) {
                    counts.put(table, randomChanges.add(transform.table(schemas.get(table)), expected.get(table),
                            RANDOM_CHANGES_PER_TABLE));
                }
                String name = utf8 ? "utf8-long-refs" : "cp1252";
                Path mst = WORK.resolve(name + ".mst");
                Files.write(mst, transform.toBytes(new SummaryStream().title("Transform").template(";1033")
                        .revNumber(product.productCode() + product.version() + ";" + product.productCode()
                                + product.version() + ";" + product.upgradeCode())));
                Path db = WORK.resolve(name + ".msi");
                Files.copy(product.msi(), db);

                WinePrefix.Result r = prefix.wine(WinePrefix.windowsPath(helper), WinePrefix.windowsPath(db),
                        WinePrefix.windowsPath(mst));
                assertThat(r.output()).as("the helper's calls (errors: %s)", r.errors())
                        .isEqualToIgnoringNewLines("open 0\napply 0\ncommit 0\n");
                for (String table : TABLES) {
                    List<List<String>> actual = ExpectedTable.sorted(MsiInfo.rows(db, table));
                    assertThat(actual).as("%s after %s (seed %d)", table, name, seed)
                            .isEqualTo(expected.get(table).sortedRows());
                    rowsCompared += actual.size();
                }
                System.out.printf("[oracle] msi transform %s: %d bytes, random changes %s%n", name, Files.size(mst),
                        counts);
            }
        } finally {
            prefix.stop();
            HostFiles.deleteTree(WORK.resolve("prefix"));
        }
        System.out.printf("[oracle] msi transform: 2 transforms applied by Wine, %d rows compared, %.1f s%n",
                rowsCompared, (System.nanoTime() - start) / 1e9);
    }

    /** Changes every run makes: the cases a patch needs, and the edges of the row encoding. */
    private static void fixedChanges(TransformBuilder transform, Map<String, TableSchema> schemas,
                                     Map<String, ExpectedTable> expected) {
        TableChanges file = transform.table(schemas.get("File"));
        file.update(Map.of("File", "tool"), Map.of("Version", "2.5.1.0", "FileSize", 4096, "Sequence", 4));
        Map<String, Object> helperChanges = new LinkedHashMap<>();
        helperChanges.put("Version", "1.0.0.2");
        helperChanges.put("Language", null);
        helperChanges.put("Attributes", 0);
        file.update(Map.of("File", "helper"), helperChanges);
        file.delete(Map.of("File", "readme"));
        file.insert(Map.of("File", "notes_é", "Component_", "Main", "FileName", "NOTES~1.TXT|Nötes für Ærø €.txt",
                "FileSize", 12, "Attributes", 512, "Sequence", 5));
        transform.table(schemas.get("Media")).insert(Map.of("DiskId", 2, "LastSequence", 5, "Cabinet", "#PCW_CAB_1",
                "Source", "PATCHMediaSrcProp"));
        TableChanges registry = transform.table(schemas.get("Registry"));
        List<String> level = expected.get("Registry").keys().get(0);
        List<String> old = expected.get("Registry").row(level);
        registry.insert(Map.of("Registry", level.get(0), "Root", 2, "Key", old.get(2), "Name", "Level",
                "Value", "#4", "Component_", "Main")); // an insert over existing keys replaces the row
        registry.insert(Map.of("Registry", "reg_ünï", "Root", -1, "Key", "Software\\Example Tool\\Ünïcödé",
                "Name", "Grüße", "Value", "€ 100 ß", "Component_", "Helper"));
        transform.table(schemas.get("Component")).update(Map.of("Component", "Main"),
                Map.of("Condition", "VersionNT >= 600"));
        for (String table : TABLES) {
            transform.table(schemas.get(table)).rows().forEach(expected.get(table)::apply);
        }
    }
}
