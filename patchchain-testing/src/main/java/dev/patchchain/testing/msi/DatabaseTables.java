package dev.patchchain.testing.msi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;

/**
 * Tables of a database proper (a patch's own {@code MsiPatchMetadata}, {@code MsiPatchSequence}), as opposed to a
 * transform's changes: the catalog ({@code _Tables}, {@code _Columns}), one column-major stream per table (all values
 * of column 1, then of column 2, ...; docs/formats/msi.md#tables) and the string pool they share.
 */
final class DatabaseTables {

    private static final TableSchema TABLES = new TableSchema("_Tables", List.of(new ColumnSpec("Name", "s64", true)));
    private static final TableSchema COLUMNS = new TableSchema("_Columns", List.of(new ColumnSpec("Table", "s64", true),
            new ColumnSpec("Number", "i2", true), new ColumnSpec("Name", "s64", false),
            new ColumnSpec("Type", "i2", false)));
    private static final int SHORT_BIAS = 0x8000;
    private static final int LONG_FLIP = 0x80000000;

    private final int codepage;
    private final Map<TableSchema, List<Map<String, Object>>> tables = new LinkedHashMap<>();

    DatabaseTables(int codepage) {
        this.codepage = codepage;
    }

    /** Adds a table and its rows (values by column name: {@link String}, {@link Integer} or null). */
    void add(TableSchema schema, List<Map<String, Object>> rows) {
        tables.put(schema, List.copyOf(rows));
    }

    /** Writes the string pool, the catalog and every table into the storage. */
    void writeTo(DirectoryEntry storage) throws IOException {
        Map<TableSchema, List<Map<String, Object>>> all = new LinkedHashMap<>();
        List<Map<String, Object>> tableRows = new ArrayList<>();
        List<Map<String, Object>> columnRows = new ArrayList<>();
        for (TableSchema schema : tables.keySet()) {
            tableRows.add(Map.of("Name", schema.name()));
            for (int i = 0; i < schema.columns().size(); i++) {
                ColumnSpec c = schema.columns().get(i);
                columnRows.add(Map.of("Table", schema.name(), "Number", i + 1, "Name", c.name(), "Type", c.typeBits()));
            }
        }
        all.put(TABLES, tableRows);
        all.put(COLUMNS, columnRows);
        all.putAll(tables);
        TransformStringPool pool = new TransformStringPool(codepage, false);
        all.forEach((schema, rows) -> rows.forEach(row -> schema.columns().forEach(c -> {
            if (c.isString() && row.get(c.name()) instanceof String s) {
                pool.intern(s);
            }
        })));
        for (Map.Entry<TableSchema, List<Map<String, Object>>> t : all.entrySet()) {
            if (!t.getValue().isEmpty()) {
                create(storage, MsiStreamName.table(t.getKey().name()), encode(t.getKey(), t.getValue(), pool));
            }
        }
        create(storage, MsiStreamName.table("_StringPool"), pool.pool());
        create(storage, MsiStreamName.table("_StringData"), pool.data());
    }

    private static byte[] encode(TableSchema schema, List<Map<String, Object>> rows, TransformStringPool pool) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ColumnSpec c : schema.columns()) {
            for (Map<String, Object> row : rows) {
                Object v = row.get(c.name());
                long raw;
                if (v == null || c.isBinary()) {
                    raw = 0;
                } else if (c.isString()) {
                    raw = pool.id((String) v);
                } else {
                    int i = (Integer) v;
                    raw = c.size() == 2 ? (i + SHORT_BIAS) & 0xFFFF : (i ^ LONG_FLIP) & 0xFFFFFFFFL;
                }
                for (int b = 0; b < c.width(pool.refBytes()); b++) {
                    out.write((int) (raw >>> (8 * b)) & 0xFF);
                }
            }
        }
        return out.toByteArray();
    }

    private static void create(DirectoryEntry storage, String name, byte[] bytes) throws IOException {
        storage.createDocument(name, new ByteArrayInputStream(bytes));
    }
}
