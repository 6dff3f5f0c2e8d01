package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.msi.MsiDatabase;
import dev.patchchain.formats.msi.MsiTable;
import dev.patchchain.formats.msi.MsiTransform;
import dev.patchchain.formats.msi.TransformedTables;
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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wine's {@code msi.dll} as the oracle of our transform writer and of our transform reader (docs/testing.md): a
 * helper opens a copy of a {@code wixl}-built product with {@code MsiOpenDatabaseW}, applies the {@code .mst} that
 * {@link TransformBuilder} wrote with {@code MsiDatabaseApplyTransformW} and commits; {@code msiinfo export} of
 * {@code File}, {@code Media}, {@code Registry} and {@code Component} must then hold exactly the rows the transform
 * meant ({@link ExpectedTable}), and {@code MsiTransform.read(mst).applyTo(MsiDatabase.open(product))} exactly
 * Wine's rows. Seeded ({@code -Dpatchchain.seed=N} replays a run). Skipped without Wine, MinGW-w64 or msitools,
 * except under {@code CI=true}.
 */
class MsiTransformWineOracleTest {

    private static final Path WORK = Path.of("target/msi-transform-oracle");
    private static final List<String> TABLES = List.of("File", "Media", "Registry", "Component");
    private static final int RANDOM_CHANGES_PER_TABLE = 40;
    /** What the helper prints when Wine opened, transformed and committed the database. */
    private static final String HELPER_OK = "open 0\napply 0\ncommit 0\n";

    private static Path helper;
    private static MsiProduct product;
    private static Map<String, TableSchema> schemas;
    private static WinePrefix prefix;

    @BeforeAll
    static void prefixAndProduct() throws Exception {
        Corpus.requireTool("wine", "applies the transforms with msi.dll");
        Corpus.requireTool(HelperBinary.COMPILER, "builds the Windows helper");
        Corpus.requireTool("wixl", "builds the product MSI");
        Corpus.requireTool(MsiInfo.COMMAND, "reads the transformed databases");
        HostFiles.deleteTree(WORK);
        helper = HelperBinary.build(WORK, "msi_transform_helper", "-municode", "-lmsi");
        product = MsiProduct.build(WORK.resolve("product"));
        schemas = new LinkedHashMap<>();
        for (String table : TABLES) {
            schemas.put(table, MsiInfo.schema(product.msi(), table));
        }
        prefix = WinePrefix.create(WORK.resolve("prefix"));
    }

    @AfterAll
    static void stopWine() throws Exception {
        if (prefix != null) {
            prefix.stop();
            HostFiles.deleteTree(WORK.resolve("prefix"));
        }
    }

    /**
     * Inserts, updates of some columns (to null too), deletes, strings outside ASCII and a seeded random set of
     * changes; twice: a code page 1252 pool with 2-byte string ids, and a UTF-8 pool with 3-byte ids.
     */
    @Test
    void wineAndOurReaderApplyOurTransformsToExactlyTheRowsTheyDescribe() throws Exception {
        long seed = Seeds.seed("msi transform oracle");
        long start = System.nanoTime();
        int rowsCompared = 0;
        List<String> readerDisagreements = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            boolean utf8 = variant == 1;
            TransformBuilder transform = new TransformBuilder(utf8 ? 65001 : 1252);
            if (utf8) {
                transform.longStringRefs();
            }
            Map<String, ExpectedTable> expected = expectedTables();
            RandomRowChanges randomChanges = new RandomRowChanges(new Random(seed + variant));
            fixedChanges(transform, expected).forEach(randomChanges::protect);
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, randomChanges.add(transform.table(schemas.get(table)), expected.get(table),
                        RANDOM_CHANGES_PER_TABLE));
            }
            String name = utf8 ? "utf8-long-refs" : "cp1252";
            Path mst = write(transform, name);
            Path db = applyWithWine(mst, name);
            rowsCompared += assertRows(db, expected, name + " (seed " + seed + ")");
            readerDisagreements.addAll(compareReader(mst, db, name));
            System.out.printf("[oracle] msi transform %s: %d bytes, random changes %s%n", name, Files.size(mst),
                    counts);
        }
        System.out.printf("[oracle] msi transform: 2 transforms applied by Wine, %d rows compared, %d disagreements"
                        + " with our reader, %.1f s%n", rowsCompared, readerDisagreements.size(),
                (System.nanoTime() - start) / 1e9);
        readerDisagreements.forEach(System.out::println);
        assertThat(readerDisagreements).as("tables where MsiTransform.applyTo and Wine differ (seed %d)", seed)
                .isEmpty();
    }

    /**
     * What a transform row does when its keys exist (an insert: Wine replaces every column) or do not (an update:
     * Wine inserts a row of the keys and the updated columns, the rest null, unless a column that may not be null
     * stays null; a delete: nothing), and an insert with such a null (not added). Wine must do what
     * {@link ExpectedTable} says, and our reader what Wine does.
     */
    @Test
    void insertsOfExistingKeysAndUpdatesOfMissingOnesApplyAsInWine() throws Exception {
        Map<String, ExpectedTable> expected = expectedTables();
        TransformBuilder transform = new TransformBuilder(1252);
        List<String> level = expected.get("Registry").keys().get(0);
        List<String> old = expected.get("Registry").row(level);
        transform.table(schemas.get("Registry")).insert(Map.of("Registry", level.get(0), "Root", 2, "Key", old.get(2),
                "Name", "Level", "Value", "#4", "Component_", "Main"));
        transform.table(schemas.get("Component")).update(Map.of("Component", "Ghost"),
                Map.of("Directory_", "INSTALLDIR", "Attributes", 4));
        // Directory_ and Attributes may not be null: Wine does not add this row.
        transform.table(schemas.get("Component")).update(Map.of("Component", "Phantom"),
                Map.of("Condition", "1"));
        // An insert with a null where none may be: not added either.
        Map<String, Object> nullDirectory = new LinkedHashMap<>();
        nullDirectory.put("Component", "Nullish");
        nullDirectory.put("Directory_", null);
        nullDirectory.put("Attributes", 0);
        transform.table(schemas.get("Component")).insert(nullDirectory);
        transform.table(schemas.get("File")).delete(Map.of("File", "never_there"));
        for (String table : TABLES) {
            transform.table(schemas.get(table)).rows().forEach(expected.get(table)::apply);
        }
        Path mst = write(transform, "key-edges");
        Path db = applyWithWine(mst, "key-edges");
        int rows = assertRows(db, expected, "key-edges");
        List<String> disagreements = compareReader(mst, db, "key-edges");
        System.out.printf("[oracle] msi transform key edges: %d rows as expected from Wine, %d disagreements with our"
                + " reader%n", rows, disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(disagreements).as("tables where MsiTransform.applyTo and Wine differ").isEmpty();
    }

    private static Map<String, ExpectedTable> expectedTables() throws Exception {
        Map<String, ExpectedTable> expected = new LinkedHashMap<>();
        for (String table : TABLES) {
            expected.put(table, new ExpectedTable(schemas.get(table), MsiInfo.rows(product.msi(), table)));
        }
        return expected;
    }

    private static Path write(TransformBuilder transform, String name) throws Exception {
        Path mst = WORK.resolve(name + ".mst");
        String from = product.productCode() + product.version();
        Files.write(mst, transform.toBytes(new SummaryStream().title("Transform").template(";1033")
                .revNumber(from + ";" + from + ";" + product.upgradeCode())));
        return mst;
    }

    /** @return a copy of the product with the transform applied and committed by Wine's msi.dll */
    private static Path applyWithWine(Path mst, String name) throws Exception {
        Path db = WORK.resolve(name + ".msi");
        WinePrefix.Result r = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            Files.copy(product.msi(), db, StandardCopyOption.REPLACE_EXISTING);
            r = prefix.wine(WinePrefix.windowsPath(helper), WinePrefix.windowsPath(db), WinePrefix.windowsPath(mst));
            if (r.output().replace("\r", "").equals(HELPER_OK)) {
                break;
            }
            // Once in about twenty runs on a busy machine the helper's output was not as expected (not reproduced
            // since): it is run once more on a fresh copy. A transform Wine really refuses fails the same way twice
            // and is asserted below.
            System.err.printf("[wine] msi_transform_helper printed %s (exit %d, errors: %s)%s%n",
                    r.output().strip().replace('\n', ' '), r.exitCode(), r.errors().strip(),
                    attempt == 1 ? "; running it again" : "");
        }
        assertThat(r.output().replace("\r", "")).as("the helper's calls (exit %d, errors: %s)", r.exitCode(),
                r.errors()).isEqualTo(HELPER_OK);
        return db;
    }

    /** @return how many rows were compared */
    private static int assertRows(Path db, Map<String, ExpectedTable> expected, String what) throws Exception {
        int rows = 0;
        for (String table : TABLES) {
            List<List<String>> actual = ExpectedTable.sorted(MsiInfo.rows(db, table));
            assertThat(actual).as("%s after %s", table, what).isEqualTo(expected.get(table).sortedRows());
            rows += actual.size();
        }
        return rows;
    }

    /**
     * Changes every run makes: the cases a patch needs and the edges of the row encoding.
     *
     * @return the keys of the rows they touch, which the random changes leave alone
     */
    private static List<List<String>> fixedChanges(TransformBuilder transform, Map<String, ExpectedTable> expected) {
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
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("Value", null);
        registry.update(Map.of("Registry", expected.get("Registry").keys().get(0).get(0)), nullValue);
        registry.insert(Map.of("Registry", "reg_ünï", "Root", -1, "Key", "Software\\Example Tool\\Ünïcödé",
                "Name", "Grüße", "Value", "€ 100 ß", "Component_", "Helper"));
        transform.table(schemas.get("Component")).update(Map.of("Component", "Main"),
                Map.of("Condition", "VersionNT >= 600"));
        List<List<String>> touched = new ArrayList<>();
        for (String table : TABLES) {
            TableSchema schema = schemas.get(table);
            for (TableChanges.Row row : transform.table(schema).rows()) {
                expected.get(table).apply(row);
                List<String> keys = new ArrayList<>();
                schema.columns().stream().filter(c -> c.key())
                        .forEach(c -> keys.add(ExpectedTable.text(row.values().get(c.name()))));
                touched.add(keys);
            }
        }
        return touched;
    }

    /**
     * Our reader on the same transform: {@code MsiTransform.read(mst).applyTo(MsiDatabase.open(product))} must give
     * every table exactly the rows Wine's commit holds.
     *
     * @return one line per table that differs: the rows only Wine has, the rows only the reader has, its notes
     */
    private static List<String> compareReader(Path mst, Path wineResult, String name) throws Exception {
        List<String> disagreements = new ArrayList<>();
        MsiTransform transform = MsiTransform.read(mst);
        try (MsiDatabase db = MsiDatabase.open(product.msi())) {
            TransformedTables tables = transform.applyTo(db);
            for (String table : TABLES) {
                List<List<String>> wine = ExpectedTable.sorted(MsiInfo.rows(wineResult, table));
                List<List<String>> ours = ExpectedTable.sorted(rows(tables.table(table).orElseThrow()));
                if (!wine.equals(ours)) {
                    List<List<String>> onlyWine = new ArrayList<>(wine);
                    onlyWine.removeAll(ours);
                    List<List<String>> onlyOurs = new ArrayList<>(ours);
                    onlyOurs.removeAll(wine);
                    disagreements.add("[reader] " + name + " " + table + ": only in Wine's result " + onlyWine
                            + "; only in MsiTransform.applyTo's " + onlyOurs + "; reader notes " + tables.notes());
                }
            }
        }
        return disagreements;
    }

    /** @return a table's rows as msiinfo prints them: values in column order, null as empty */
    private static List<List<String>> rows(MsiTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            List<String> text = new ArrayList<>();
            table.columns().forEach(c -> text.add(ExpectedTable.text(row.get(c))));
            rows.add(text);
        }
        return rows;
    }
}
