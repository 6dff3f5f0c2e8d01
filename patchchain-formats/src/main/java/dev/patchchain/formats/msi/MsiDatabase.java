package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;

/**
 * A Windows Installer database ({@code docs/formats/msi.md}): the compound file through Apache POI's POIFS, then
 * the string pool, {@code _Tables} and {@code _Columns} decoded here, and any table on request.
 *
 * <pre>{@code
 * try (MsiDatabase db = MsiDatabase.open(Path.of("tool.msi"))) {
 *     db.table("Property").orElseThrow().rows();   // [{Property=ProductName, Value=Tool}, ...]
 * }
 * }</pre>
 *
 * <p>Errors are {@link FormatException}s naming the file: {@code NOT_THIS_FORMAT} for a file that is not a compound
 * file or has no string pool, {@code CORRUPT} for a stream, pool or table that does not hold together,
 * {@code UNSUPPORTED} for a stream over {@link #MAX_STREAM_BYTES}.
 */
public final class MsiDatabase implements MsiTables, MsiStreams, Closeable {

    /** The largest stream read. */
    public static final int MAX_STREAM_BYTES = 64 << 20;

    static final String STRING_POOL = MsiStreamNames.TABLE_PREFIX + "_StringPool";
    static final String STRING_DATA = MsiStreamNames.TABLE_PREFIX + "_StringData";
    static final String COLUMNS = MsiStreamNames.TABLE_PREFIX + "_Columns";

    /** {@code _Columns}' own schema, fixed by the format: {@code s64} and {@code i2} columns, the first two the key. */
    private static final int CATALOG_STRING = MsiColumn.VALID | MsiColumn.STRING | 64;
    private static final int CATALOG_SHORT = MsiColumn.VALID | 2;
    static final List<MsiColumn> COLUMNS_CATALOG = List.of(
            new MsiColumn("Table", CATALOG_STRING | MsiColumn.KEY), new MsiColumn("Number", CATALOG_SHORT | MsiColumn.KEY),
            new MsiColumn("Name", CATALOG_STRING), new MsiColumn("Type", CATALOG_SHORT));
    /** {@code _Tables}' schema: the table name, the key. */
    static final List<MsiColumn> TABLES_CATALOG = List.of(new MsiColumn("Name", CATALOG_STRING | MsiColumn.KEY));

    private final String source;
    private final CompoundFile file;
    private final Map<String, DocumentEntry> others;
    private final Map<String, byte[]> streams;
    private final StringPool pool;
    private final Map<String, List<MsiColumn>> schema;

    private MsiDatabase(String source, CompoundFile file, Map<String, DocumentEntry> others,
                        Map<String, byte[]> streams, StringPool pool, Map<String, List<MsiColumn>> schema) {
        this.source = source;
        this.file = file;
        this.others = others;
        this.streams = streams;
        this.pool = pool;
        this.schema = schema;
    }

    /**
     * @param file the {@code .msi}
     * @return the database, its table streams read; close it
     * @throws IOException a {@link FormatException} if it is not a readable MSI database
     */
    public static MsiDatabase open(Path file) throws IOException {
        return open(CompoundFile.open(file), file.toString());
    }

    /**
     * @param data   the {@code .msi} bytes
     * @param source its name, for errors
     * @return the database, its table streams read; close it
     * @throws IOException a {@link FormatException} if it is not a readable MSI database
     */
    public static MsiDatabase open(byte[] data, String source) throws IOException {
        return open(CompoundFile.open(data, source), source);
    }

    private static MsiDatabase open(CompoundFile file, String source) throws IOException {
        try {
            Map<String, DocumentEntry> others = new HashMap<>();
            Map<String, byte[]> streams = tableStreams(file.root(), others, file.budget(), source);
            return decode(source, file, others, streams);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e instanceof FormatException f ? f
                    : new FormatException(FormatException.Kind.CORRUPT, source, -1, "compound file: " + e);
        }
    }

    /**
     * Reads a storage's table streams (decoded names starting with {@code U+4840}), each at most
     * {@link #MAX_STREAM_BYTES}, and names its other streams.
     *
     * @param storage the root of a database, or a transform's storage
     * @param others  receives the other streams by decoded name
     * @param budget  the bytes the file may still give
     * @param source  the input's name, for errors
     * @return the table streams by decoded name
     * @throws IOException a {@link FormatException} if a stream is too large
     */
    static Map<String, byte[]> tableStreams(DirectoryNode storage, Map<String, DocumentEntry> others,
                                            StreamBudget budget, String source) throws IOException {
        Map<String, byte[]> streams = new HashMap<>();
        for (Entry e : storage) {
            if (e instanceof DocumentEntry doc) {
                String name = MsiStreamNames.decode(doc.getName());
                if (!name.isEmpty() && name.charAt(0) == MsiStreamNames.TABLE_PREFIX) {
                    streams.put(name, read(storage, doc, name, MAX_STREAM_BYTES, budget, source));
                } else {
                    others.put(name, doc);
                }
            }
        }
        return streams;
    }

    /**
     * @param source  the input's name, for errors
     * @param streams a storage's table streams
     * @return its string pool
     * @throws FormatException if {@code _StringPool} or {@code _StringData} is missing or does not hold together
     */
    static StringPool stringPool(String source, Map<String, byte[]> streams) throws FormatException {
        if (!streams.containsKey(STRING_POOL) || !streams.containsKey(STRING_DATA)) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1,
                    "a compound file without _StringPool and _StringData: not a Windows Installer database");
        }
        return StringPool.read(stream(source, streams, STRING_POOL), stream(source, streams, STRING_DATA));
    }

    /**
     * @param name     a stream that is not a table, e.g. {@code product.cab} (an embedded cabinet)
     * @param maxBytes the largest accepted
     * @return its bytes, or empty if there is no such stream
     * @throws IOException a {@link FormatException} ({@code UNSUPPORTED}) if it is larger than {@code maxBytes}
     */
    @Override
    public Optional<byte[]> stream(String name, int maxBytes) throws IOException {
        DocumentEntry doc = others.get(name);
        if (doc == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file.root(), doc, name, maxBytes, file.budget(), source));
        } catch (RuntimeException e) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "stream " + name + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    static byte[] read(DirectoryNode root, DocumentEntry doc, String name, int maxBytes, StreamBudget budget,
                       String source) throws IOException {
        budget.take(doc.getSize(), name);
        if (doc.getSize() > maxBytes) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, -1, "stream " + name
                    + " of " + doc.getSize() + " bytes is over the limit of " + maxBytes);
        }
        try (InputStream in = root.createDocumentInputStream(doc)) {
            return in.readNBytes(doc.getSize());
        }
    }

    static MsiDatabase decode(String source, CompoundFile file, Map<String, DocumentEntry> others,
                              Map<String, byte[]> streams) throws FormatException {
        StringPool pool = stringPool(source, streams);
        MsiTable columns = TableDecoder.decode("_Columns", COLUMNS_CATALOG, stream(source, streams, COLUMNS), pool);
        Map<String, List<Object[]>> byTable = new HashMap<>();
        for (Map<String, Object> row : columns.rows()) {
            if (!(row.get("Table") instanceof String table) || !(row.get("Number") instanceof Integer number)
                    || !(row.get("Name") instanceof String name) || !(row.get("Type") instanceof Integer type)) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "_Columns row " + row
                        + " lacks a table, number, name or type");
            }
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Object[] {number, name, type});
        }
        Map<String, List<MsiColumn>> schema = new HashMap<>();
        for (Map.Entry<String, List<Object[]>> e : byTable.entrySet()) {
            e.getValue().sort(Comparator.comparingInt(a -> (Integer) a[0]));
            List<MsiColumn> cols = new ArrayList<>();
            for (Object[] a : e.getValue()) {
                cols.add(new MsiColumn((String) a[1], ((Integer) a[2]) & 0xFFFF));
            }
            schema.put(e.getKey(), List.copyOf(cols));
        }
        return new MsiDatabase(source, file, Map.copyOf(others), Map.copyOf(streams), pool, Map.copyOf(schema));
    }

    static LeReader stream(String source, Map<String, byte[]> streams, String name) {
        return LeReader.of(source + "!" + name.substring(1), streams.getOrDefault(name, new byte[0]));
    }

    @Override
    public String source() {
        return source;
    }

    /**
     * @param name a property, e.g. {@code ProductCode}
     * @return its value in the {@code Property} table, or empty
     * @throws FormatException if the table does not hold together
     */
    public Optional<String> property(String name) throws FormatException {
        for (Map<String, Object> row : table("Property").map(MsiTable::rows).orElse(List.of())) {
            if (name.equals(row.get("Property")) && row.get("Value") instanceof String value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** @return the names of the tables {@code _Columns} describes */
    @Override
    public List<String> tableNames() {
        return schema.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<List<MsiColumn>> columns(String name) {
        return Optional.ofNullable(schema.get(name));
    }

    /**
     * @param name a table's name, e.g. {@code File}
     * @return its rows, or empty if the database has no such table
     * @throws FormatException if its stream does not hold together
     */
    @Override
    public Optional<MsiTable> table(String name) throws FormatException {
        List<MsiColumn> columns = schema.get(name);
        if (columns == null) {
            return Optional.empty();
        }
        return Optional.of(TableDecoder.decode(name, columns, stream(source, streams,
                MsiStreamNames.TABLE_PREFIX + name), pool));
    }
}
