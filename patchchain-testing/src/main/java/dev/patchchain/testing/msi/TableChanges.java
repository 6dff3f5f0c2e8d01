package dev.patchchain.testing.msi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a transform inserts, updates and deletes in one table, and their encoding as the table's transform
 * stream: row-major, per row a 16-bit mask then values. An insert's mask is {@code (columns << 8) | 1} followed by
 * every column; an update's is a bitmask (bit {@code i} = column {@code i} present) and carries the key columns plus
 * the changed ones; a delete's is 0 and carries only the keys. Strings are ids into the transform's pool (2 or 3
 * bytes), integers 2 or 4 bytes as the target column declares, sign bit flipped, 0 for null.
 *
 * <pre>{@code
 * TableChanges file = transform.table(MsiInfo.schema(msi, "File"));
 * file.update(Map.of("File", "tool"), Map.of("Version", "2.5.1.0", "Sequence", 3));
 * file.delete(Map.of("File", "readme"));
 * }</pre>
 */
public final class TableChanges {

    /** What a row does. */
    public enum Kind {
        /** Adds the row (or, when its keys exist, replaces every column). */
        INSERT,
        /** Sets some columns of the row with these keys. */
        UPDATE,
        /** Removes the row with these keys. */
        DELETE
    }

    /**
     * One row of the transform, its values by column (null for a null value; only keys and changed columns for an
     * update, only keys for a delete).
     *
     * @param kind   what it does
     * @param values the values it carries, in column order
     */
    public record Row(Kind kind, Map<String, Object> values) {

        /** Copies the values (nulls kept). */
        public Row {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private static final int INSERT_FLAG = 1;
    private static final int MAX_MASK_COLUMNS = 16;
    private static final int SHORT_BIAS = 0x8000;
    private static final int LONG_FLIP = 0x80000000;

    private final TableSchema schema;
    private final List<Row> rows = new ArrayList<>();

    TableChanges(TableSchema schema) {
        this.schema = schema;
    }

    /** @return the target table's schema */
    public TableSchema schema() {
        return schema;
    }

    /** @return the rows, in the order they are written (and applied) */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * @param values every column's value ({@link String}, {@link Integer} or null), by name; a missing column is null
     * @return this
     */
    public TableChanges insert(Map<String, ?> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            Object v = values.get(c.name());
            check(c, v);
            row.put(c.name(), v);
        }
        unknownColumns(values);
        rows.add(new Row(Kind.INSERT, row));
        return this;
    }

    /**
     * @param keys    the key columns' values
     * @param changes the columns to set (not keys), by name; a null value sets null
     * @return this
     */
    public TableChanges update(Map<String, ?> keys, Map<String, ?> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an update of " + schema.name() + " must change a column");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            if (c.key()) {
                if (changes.containsKey(c.name())) {
                    throw new IllegalArgumentException("key column " + c.name() + " cannot be updated; delete and insert");
                }
                row.put(c.name(), keyValue(c, keys));
            } else if (changes.containsKey(c.name())) {
                int index = schema.index(c.name());
                if (index == 0 || index >= MAX_MASK_COLUMNS) {
                    throw new IllegalArgumentException("column " + c.name() + " (index " + index + ") cannot be in an"
                            + " update's 16-bit mask, bit 0 being the insert flag");
                }
                check(c, changes.get(c.name()));
                row.put(c.name(), changes.get(c.name()));
            }
        }
        unknownColumns(changes);
        rows.add(new Row(Kind.UPDATE, row));
        return this;
    }

    /**
     * @param keys the key columns' values
     * @return this
     */
    public TableChanges delete(Map<String, ?> keys) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ColumnSpec c : schema.columns()) {
            if (c.key()) {
                row.put(c.name(), keyValue(c, keys));
            }
        }
        rows.add(new Row(Kind.DELETE, row));
        return this;
    }

    /** Interns every string of every row into the pool, so the id width is known before encoding. */
    void intern(TransformStringPool pool) {
        for (Row row : rows) {
            for (ColumnSpec c : schema.columns()) {
                if (c.isString() && row.values().get(c.name()) instanceof String s) {
                    pool.intern(s);
                }
            }
        }
    }

    /** @return the table's transform stream */
    byte[] encode(TransformStringPool pool) {
        int refBytes = pool.refBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ColumnSpec> columns = schema.columns();
        for (Row row : rows) {
            int mask = mask(row);
            write(out, mask, 2);
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec c = columns.get(i);
                boolean present = row.kind() == Kind.INSERT || c.key() || (mask & (1 << i)) != 0;
                if (present) {
                    write(out, raw(c, row.values().get(c.name()), pool), c.width(refBytes));
                }
            }
        }
        return out.toByteArray();
    }

    private int mask(Row row) {
        if (row.kind() == Kind.INSERT) {
            return (schema.columns().size() << 8) | INSERT_FLAG;
        }
        int mask = 0;
        if (row.kind() == Kind.UPDATE) {
            for (int i = 0; i < schema.columns().size(); i++) {
                ColumnSpec c = schema.columns().get(i);
                if (!c.key() && row.values().containsKey(c.name())) {
                    mask |= 1 << i;
                }
            }
        }
        return mask;
    }

    private static long raw(ColumnSpec c, Object v, TransformStringPool pool) {
        if (v == null || c.isBinary()) {
            return 0;
        }
        if (c.isString()) {
            return pool.id((String) v);
        }
        int i = (Integer) v;
        return c.size() == 2 ? (i + SHORT_BIAS) & 0xFFFF : (i ^ LONG_FLIP) & 0xFFFFFFFFL;
    }

    private static void write(ByteArrayOutputStream out, long v, int bytes) {
        for (int b = 0; b < bytes; b++) {
            out.write((int) (v >>> (8 * b)) & 0xFF);
        }
    }

    private Object keyValue(ColumnSpec c, Map<String, ?> keys) {
        Object v = keys.get(c.name());
        if (v == null) {
            throw new IllegalArgumentException("key column " + schema.name() + "." + c.name() + " has no value in " + keys);
        }
        check(c, v);
        return v;
    }

    private void check(ColumnSpec c, Object v) {
        if (v == null) {
            return;
        }
        if (c.isBinary()) {
            throw new IllegalArgumentException("binary column " + c.name() + ": streams are not written");
        }
        if (c.isString() != (v instanceof String) || c.isInteger() != (v instanceof Integer)) {
            throw new IllegalArgumentException(schema.name() + "." + c.name() + " (" + c.idtType() + ") cannot hold "
                    + v.getClass().getSimpleName() + " " + v);
        }
        if (v instanceof Integer i && c.size() == 2 && (i < Short.MIN_VALUE + 1 || i > Short.MAX_VALUE)) {
            throw new IllegalArgumentException(schema.name() + "." + c.name() + ": " + i + " does not fit i2");
        }
    }

    private void unknownColumns(Map<String, ?> values) {
        for (String name : values.keySet()) {
            schema.index(name); // throws for a column the table does not have
        }
    }
}
