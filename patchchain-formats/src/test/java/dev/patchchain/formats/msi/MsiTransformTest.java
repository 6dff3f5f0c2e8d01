package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Transforms decoded from bytes laid out by hand as docs/formats/msi.md#transforms describes them, and applied to a
 * small table. The Wine oracle (patchchain-testing {@code MsiTransformWineOracleTest}) checks the same against
 * Windows Installer's behaviour as Wine implements it, on transforms our writer makes.
 */
class MsiTransformTest {

    private static final int KEY_STRING = MsiColumn.VALID | MsiColumn.STRING | MsiColumn.KEY | 72;
    private static final int STRING = MsiColumn.VALID | MsiColumn.STRING | MsiColumn.NULLABLE | 72;
    private static final int LONG = MsiColumn.VALID | 4;
    private static final int SHORT = MsiColumn.VALID | MsiColumn.NULLABLE | 2;
    /** A File table cut to four columns: key, a string, a 4-byte and a 2-byte integer. */
    private static final List<MsiColumn> FILE = List.of(new MsiColumn("File", KEY_STRING),
            new MsiColumn("Version", STRING), new MsiColumn("FileSize", LONG), new MsiColumn("Sequence", SHORT));
    private static final StringPool POOL = new StringPool(Arrays.asList(null, "a.dll", "2.0.0.0", "b.dll", "c.dll",
            "3.1.0.0"), 2, 1252);

    @Test
    void decodesInsertsUpdatesAndDeletes() throws Exception {
        byte[] data = rows(
                row(0x0401, 2, 1, 2, 2, 4, 0x80000000 ^ 1000, 2, 0x8000 ^ 7), // insert a.dll 2.0.0.0 1000 7
                row(0x0002, 2, 3, 2, 5),                                     // update b.dll: Version 3.1.0.0
                row(0x000C, 2, 4, 4, 0, 2, 0),                               // update c.dll: FileSize, Sequence null
                row(0x0000, 2, 4));                                          // delete c.dll
        List<RowChange> changes = TransformDecoder.decode("File", FILE, LeReader.of("t", data), POOL);

        assertThat(changes).extracting(RowChange::kind).containsExactly(RowChange.Kind.INSERT,
                RowChange.Kind.UPDATE, RowChange.Kind.UPDATE, RowChange.Kind.DELETE);
        assertThat(changes.get(0).values()).containsExactlyInAnyOrderEntriesOf(Map.of("File", "a.dll",
                "Version", "2.0.0.0", "FileSize", 1000, "Sequence", 7));
        assertThat(changes.get(1).present()).containsExactly("File", "Version");
        assertThat(changes.get(1).values()).containsExactlyInAnyOrderEntriesOf(Map.of("File", "b.dll",
                "Version", "3.1.0.0"));
        assertThat(changes.get(2).present()).containsExactly("File", "FileSize", "Sequence");
        assertThat(changes.get(2).values()).containsOnlyKeys("File");
        assertThat(changes.get(3).present()).containsExactly("File");
    }

    @Test
    void anInsertMayCarryOnlyItsLeadingColumns() throws Exception {
        List<RowChange> changes = TransformDecoder.decode("File", FILE,
                LeReader.of("t", rows(row(0x0201, 2, 1, 2, 2))), POOL);
        assertThat(changes.get(0).present()).containsExactly("File", "Version");
    }

    @Test
    void threeByteStringReferencesFollowThePool() throws Exception {
        StringPool wide = new StringPool(POOL.strings(), 3, 1252);
        byte[] data = rows(row(0x0002, 3, 3, 3, 5));
        assertThat(TransformDecoder.decode("File", FILE, LeReader.of("t", data), wide).get(0).values())
                .containsEntry("File", "b.dll").containsEntry("Version", "3.1.0.0");
    }

    @Test
    void damagedRowsFailTypedWithTheirOffset() {
        assertCorrupt(rows(row(0x0501, 2, 1)), "an insert of 5 columns", 0);
        assertCorrupt(rows(row(0x0002, 2, 3, 2, 5), row(0x0010, 2, 3)), "names columns past", 6);
        assertCorrupt(rows(row(0x0401, 2, 1, 2, 2)), "needs 4 bytes", 6);
        assertCorrupt(new byte[] {1}, "needs 2 bytes", 0);
        assertCorrupt(rows(row(0x0002, 2, 9, 2, 5)), "string id 9", 2);
    }

    @Test
    void appliesRowsByKeyAsWineDoesAndNotesTheOddOnes() throws Exception {
        FakeTables base = new FakeTables(Map.of("File", FILE), Map.of("File", List.of(
                Map.of("File", "b.dll", "Version", "1.0.0.0", "FileSize", 10, "Sequence", 1),
                Map.of("File", "c.dll", "Version", "1.0.0.0", "FileSize", 20, "Sequence", 2))));
        MsiTransform t = new MsiTransform("t.mst", POOL, Map.of(MsiStreamNames.TABLE_PREFIX + "File", rows(
                row(0x0401, 2, 1, 2, 2, 4, 0x80000000 ^ 1000, 2, 0x8000 ^ 7),
                row(0x0002, 2, 3, 2, 5),
                row(0x0000, 2, 4),
                row(0x0006, 2, 4, 2, 2, 4, 0x80000000 ^ 20),                // deleted before: inserted
                row(0x0002, 2, 5, 2, 2),                                    // no FileSize: not inserted
                row(0x0000, 2, 5))), TransformTarget.NONE);                  // never there: nothing
        TransformedTables after = t.applyTo(base);

        assertThat(after.table("File").orElseThrow().rows()).containsExactly(
                Map.of("File", "b.dll", "Version", "3.1.0.0", "FileSize", 10, "Sequence", 1),
                Map.of("File", "a.dll", "Version", "2.0.0.0", "FileSize", 1000, "Sequence", 7),
                Map.of("File", "c.dll", "Version", "2.0.0.0", "FileSize", 20));
        assertThat(after.changedRows("File")).extracting(r -> r.get("File")).containsExactly("b.dll", "a.dll",
                "c.dll");
        assertThat(after.notes()).hasSize(3).anyMatch(n -> n.contains("update of row [c.dll]"))
                .anyMatch(n -> n.contains("update of row [3.1.0.0] gives no FileSize, which may not be null"))
                .anyMatch(n -> n.contains("delete of row [3.1.0.0]"));
    }

    @Test
    void anInsertOfAnExistingKeyReplacesTheRow() throws Exception {
        FakeTables base = new FakeTables(Map.of("File", FILE), Map.of("File", List.of(
                Map.of("File", "b.dll", "Version", "1.0.0.0", "FileSize", 10, "Sequence", 1))));
        MsiTransform t = new MsiTransform("t.mst", POOL, Map.of(MsiStreamNames.TABLE_PREFIX + "File",
                rows(row(0x0201, 2, 3, 2, 2))), TransformTarget.NONE);
        TransformedTables after = t.applyTo(base);
        assertThat(after.table("File").orElseThrow().rows()).containsExactly(Map.of("File", "b.dll",
                "Version", "2.0.0.0"));
        assertThat(after.notes()).singleElement().asString().contains("insert of row [b.dll], which exists: replaced");
        assertThat(after.table("Media")).isEmpty();
    }

    @Test
    void aNewTableTakesItsColumnsFromTheTransform() throws Exception {
        StringPool pool = new StringPool(Arrays.asList(null, "Patch", "Name", "Size", "x"), 2, 1252);
        MsiTransform t = new MsiTransform("t.mst", pool, Map.of(
                MsiStreamNames.TABLE_PREFIX + "_Tables", rows(row(0x0101, 2, 1)),
                MsiStreamNames.TABLE_PREFIX + "_Columns", rows(
                        row(0x0401, 2, 1, 2, 0, 2, 2, 2, 0x8000 ^ KEY_STRING),
                        row(0x0401, 2, 1, 2, 0, 2, 3, 2, 0x8000 ^ (MsiColumn.VALID | 4))),
                MsiStreamNames.TABLE_PREFIX + "Patch", rows(row(0x0201, 2, 4, 4, 0x80000000 ^ 42))),
                TransformTarget.NONE);
        TransformedTables after = t.applyTo(new FakeTables(Map.of(), Map.of()));

        assertThat(after.columns("Patch").orElseThrow()).extracting(MsiColumn::name).containsExactly("Name", "Size");
        assertThat(after.table("Patch").orElseThrow().rows()).containsExactly(Map.of("Name", "x", "Size", 42));
    }

    @Test
    void transformsStackUpToTheLimit() throws Exception {
        MsiTransform t = new MsiTransform("t.mst", POOL, Map.of(MsiStreamNames.TABLE_PREFIX + "File",
                rows(row(0x0002, 2, 3, 2, 5))), TransformTarget.NONE);
        MsiTables tables = new FakeTables(Map.of("File", FILE), Map.of("File", List.of(
                Map.of("File", "b.dll", "Version", "1.0.0.0", "FileSize", 10))));
        for (int i = 0; i < TransformedTables.MAX_TRANSFORMS; i++) {
            tables = t.applyTo(tables);
        }
        assertThat(tables.table("File").orElseThrow().rows()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("Version", "3.1.0.0"));
        MsiTables full = tables;
        assertThatThrownBy(() -> t.applyTo(full)).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining("over 128 transforms");
    }

    @Test
    void streamsMayNotTakeMoreThanTheFileHolds() throws Exception {
        StreamBudget budget = new StreamBudget("x.msp", 100);
        budget.take(60, "a");
        budget.take(40, "b");
        assertThatThrownBy(() -> budget.take(1, "c")).isInstanceOf(FormatException.class)
                .hasMessageContaining("stream c of 1 bytes").hasMessageContaining("share sectors");
        assertThatThrownBy(() -> new StreamBudget("x.msp", 100).take(-1, "d")).isInstanceOf(FormatException.class)
                .hasMessageContaining("negative size");
    }

    @Test
    void aTransformSummaryNamesItsTarget() {
        TransformTarget t = TransformTarget.parse("{12345678-aaaa-bbbb-cccc-123456789012}2.5.0;"
                + "{12345678-AAAA-BBBB-CCCC-123456789012}2.5.1;{87654321-AAAA-BBBB-CCCC-123456789012}",
                TransformTarget.VALIDATE_PRODUCT | TransformTarget.VALIDATE_MINOR_VERSION
                        | TransformTarget.VALIDATE_UPGRADE_CODE);
        assertThat(t.productCode()).hasValue("{12345678-AAAA-BBBB-CCCC-123456789012}");
        assertThat(t.productVersion()).hasValue("2.5.0");
        assertThat(t.upgradedVersion()).hasValue("2.5.1");
        assertThat(t.upgradeCode()).hasValue("{87654321-AAAA-BBBB-CCCC-123456789012}");
        String product = "{12345678-AAAA-BBBB-CCCC-123456789012}";
        String upgrade = "{87654321-AAAA-BBBB-CCCC-123456789012}";
        assertThat(t.accepts(product, "2.5.3", upgrade)).as("minor version 2.5 as the target's").isTrue();
        assertThat(t.accepts("{00000000-AAAA-BBBB-CCCC-123456789012}", "2.5.0", upgrade)).isFalse();
        assertThat(t.accepts(product, "2.6.0", upgrade)).as("another minor version").isFalse();
        assertThat(t.accepts(product, "2.5.0", "{00000000-AAAA-BBBB-CCCC-123456789012}")).isFalse();
        assertThat(TransformTarget.parse(t.productCode().orElseThrow(), 0).accepts("{00000000-AAAA-BBBB-CCCC-1234567"
                + "89012}", "9", "")).as("without validation flags any product").isTrue();
        assertThat(TransformTarget.parse("garbage", 0).productCode()).isEmpty();
        assertThat(TransformTarget.parse(null, 0)).isEqualTo(TransformTarget.NONE);
    }

    private static void assertCorrupt(byte[] data, String message, long offset) {
        assertThatThrownBy(() -> TransformDecoder.decode("File", FILE, LeReader.of("t.mst", data), POOL))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT);
                    assertThat(e.offset()).isEqualTo(offset);
                })
                .hasMessageContaining(message).hasMessageContaining("t.mst");
    }

    /** A row: its 16-bit mask, then (width, value) pairs, little-endian. */
    private static byte[] row(int mask, int... widthsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, 2, mask);
        for (int i = 0; i + 1 < widthsAndValues.length; i += 2) {
            write(out, widthsAndValues[i], widthsAndValues[i + 1]);
        }
        return out.toByteArray();
    }

    private static byte[] rows(byte[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : rows) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int width, int value) {
        for (int b = 0; b < width; b++) {
            out.write(value >>> (8 * b) & 0xFF);
        }
    }

    /** Tables held in memory. */
    private record FakeTables(Map<String, List<MsiColumn>> schema, Map<String, List<Map<String, Object>>> rows)
            implements MsiTables {

        @Override
        public String source() {
            return "base.msi";
        }

        @Override
        public List<String> tableNames() {
            return schema.keySet().stream().sorted().toList();
        }

        @Override
        public Optional<List<MsiColumn>> columns(String name) {
            return Optional.ofNullable(schema.get(name));
        }

        @Override
        public Optional<MsiTable> table(String name) {
            if (!schema.containsKey(name)) {
                return Optional.empty();
            }
            List<Map<String, Object>> copy = new ArrayList<>();
            rows.getOrDefault(name, List.of()).forEach(r -> copy.add(new LinkedHashMap<>(new HashMap<>(r))));
            return Optional.of(new MsiTable(name, schema.get(name).stream().map(MsiColumn::name).toList(), copy));
        }
    }
}
