package dev.patchchain.testing.msi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes a Windows Installer transform: its own string pool ({@code _StringPool}, {@code _StringData}), one stream
 * per changed table ({@link TableChanges}), and a summary stream. As a file ({@link #toBytes}) it is an {@code .mst}
 * whose root has the transform class id; in a patch it is a substorage ({@link #writeTo}).
 *
 * <pre>{@code
 * TransformBuilder t = new TransformBuilder(1252);
 * t.table(MsiInfo.schema(msi, "File")).update(Map.of("File", "tool"), Map.of("Version", "2.5.1.0"));
 * Files.write(mst, t.toBytes(new SummaryStream().template(";1033")));
 * }</pre>
 *
 * <p>New tables: {@link #addTable} writes the {@code _Tables} and {@code _Columns} rows that create one, before its
 * own rows.
 */
public final class TransformBuilder {

    /** The root class id of a transform file, {@code {000C1082-0000-0000-C000-000000000046}}. */
    public static final ClassID TRANSFORM_CLSID = new ClassID("{000C1082-0000-0000-C000-000000000046}");

    private static final TableSchema TABLES = new TableSchema("_Tables",
            List.of(new ColumnSpec("Name", "s64", true)));
    private static final TableSchema COLUMNS = new TableSchema("_Columns", List.of(new ColumnSpec("Table", "s64", true),
            new ColumnSpec("Number", "i2", true), new ColumnSpec("Name", "s64", false),
            new ColumnSpec("Type", "i2", false)));

    private final int codepage;
    private boolean longStringRefs;
    private final Map<String, TableChanges> tables = new LinkedHashMap<>();

    /**
     * @param codepage the code page of the transform's strings: 1252, 65001 (UTF-8), ...
     */
    public TransformBuilder(int codepage) {
        this.codepage = codepage;
        TransformStringPool.charset(codepage); // an unknown code page fails here
    }

    /**
     * Writes string ids as 3 bytes even though the pool is small (bit 15 of the pool header), as a transform with
     * over 65,535 strings must.
     *
     * @return this
     */
    public TransformBuilder longStringRefs() {
        this.longStringRefs = true;
        return this;
    }

    /**
     * @param schema the target table's schema (from the target database: the integer widths are its)
     * @return the table's changes, created on first use
     */
    public TableChanges table(TableSchema schema) {
        TableChanges changes = tables.computeIfAbsent(schema.name(), n -> new TableChanges(schema));
        if (!changes.schema().equals(schema)) {
            throw new IllegalArgumentException("table " + schema.name() + " used with two schemas");
        }
        return changes;
    }

    /**
     * Creates a table the target lacks: a {@code _Tables} row and one {@code _Columns} row per column.
     *
     * @param schema the new table
     * @return its changes, to insert its rows
     */
    public TableChanges addTable(TableSchema schema) {
        table(TABLES).insert(Map.of("Name", schema.name()));
        for (int i = 0; i < schema.columns().size(); i++) {
            ColumnSpec c = schema.columns().get(i);
            table(COLUMNS).insert(Map.of("Table", schema.name(), "Number", i + 1, "Name", c.name(),
                    "Type", c.typeBits()));
        }
        return table(schema);
    }

    /** @return every table's changes, in the order their streams are written */
    public Map<String, TableChanges> tables() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * @param summary the transform's summary information
     * @return the transform as an {@code .mst} file
     * @throws IOException if POI fails
     */
    public byte[] toBytes(SummaryStream summary) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().setStorageClsid(TRANSFORM_CLSID);
            writeTo(fs.getRoot(), summary);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /**
     * Writes the transform's streams into a storage (the root of an {@code .mst}, or a patch's substorage).
     *
     * @param storage where
     * @param summary the transform's summary information
     * @throws IOException if POI fails
     */
    public void writeTo(DirectoryEntry storage, SummaryStream summary) throws IOException {
        TransformStringPool pool = new TransformStringPool(codepage, longStringRefs);
        tables.values().forEach(t -> t.intern(pool));
        for (TableChanges t : tables.values()) {
            create(storage, MsiStreamName.table(t.schema().name()), t.encode(pool));
        }
        create(storage, MsiStreamName.table("_StringPool"), pool.pool());
        create(storage, MsiStreamName.table("_StringData"), pool.data());
        summary.writeTo(storage);
    }

    private static void create(DirectoryEntry storage, String name, byte[] bytes) throws IOException {
        storage.createDocument(name, new ByteArrayInputStream(bytes));
    }
}
