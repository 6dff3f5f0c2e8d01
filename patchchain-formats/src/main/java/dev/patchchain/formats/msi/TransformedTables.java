package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A database's tables with a transform applied ({@code docs/formats/msi.md#applying-a-transform}), as Windows
 * Installer (and Wine, our oracle) apply it: first {@code _Tables} and {@code _Columns} (new tables, new columns),
 * then each table's rows in stored order. A row is found by its key columns. As Wine's {@code msi.dll} does (the
 * oracle, {@code MsiTransformWineOracleTest}), an insert of a key that exists replaces the row, an update of a key
 * that does not exist inserts a row of the columns it gives, and a delete of one that does not exist does nothing;
 * each of these is noted. A new row without a value for a column that may not be null is not inserted (noted).
 * Tables are computed on first use; a table the transform does not touch is the base's own, and a row is copied only
 * when it changes.
 */
public final class TransformedTables implements MsiTables {

    /** The most transforms applied one over another (a patch applies two per target product). */
    static final int MAX_TRANSFORMS = 128;

    private final MsiTables base;
    private final MsiTransform transform;
    private final int depth;
    private final Map<String, List<MsiColumn>> schema;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Applied> applied = new HashMap<>();

    /** A table after the transform, and the keys of the rows the transforms so far inserted or changed. */
    private record Applied(MsiTable table, Set<List<Object>> changed) {
    }

    TransformedTables(MsiTables base, MsiTransform transform) throws FormatException {
        this.base = base;
        this.transform = transform;
        this.depth = base instanceof TransformedTables t ? t.depth + 1 : 1;
        if (depth > MAX_TRANSFORMS) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, transform.source(), -1, "over "
                    + MAX_TRANSFORMS + " transforms applied to one database");
        }
        Map<String, List<MsiColumn>> columns = new LinkedHashMap<>();
        for (String name : base.tableNames()) {
            columns.put(name, new ArrayList<>(base.columns(name).orElse(List.of())));
        }
        for (RowChange c : transform.changes("_Tables", MsiDatabase.TABLES_CATALOG)) {
            String name = String.valueOf(c.values().get("Name"));
            if (c.kind() == RowChange.Kind.INSERT && !columns.containsKey(name)) {
                columns.put(name, new ArrayList<>());
            } else if (c.kind() == RowChange.Kind.DELETE) {
                columns.remove(name);
            } else {
                notes.add(transform.source() + ": _Tables " + c.kind() + " of " + name + " not applied");
            }
        }
        for (RowChange c : transform.changes("_Columns", MsiDatabase.COLUMNS_CATALOG)) {
            String table = String.valueOf(c.values().get("Table"));
            List<MsiColumn> list = columns.get(table);
            if (c.kind() == RowChange.Kind.INSERT && list != null && c.values().get("Name") instanceof String name
                    && c.values().get("Type") instanceof Integer type
                    && (!(c.values().get("Number") instanceof Integer number) || number == list.size() + 1)) {
                list.add(new MsiColumn(name, type & 0xFFFF));
            } else {
                notes.add(transform.source() + ": _Columns " + c.kind() + " " + c.values() + " not applied");
            }
        }
        Map<String, List<MsiColumn>> frozen = new LinkedHashMap<>();
        columns.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
        this.schema = Collections.unmodifiableMap(frozen);
        for (String name : transform.tables()) {
            if (!schema.containsKey(name)) {
                notes.add(transform.source() + ": changes table " + name + ", which the database does not have");
            }
        }
    }

    @Override
    public String source() {
        return base.source() + " + " + transform.source();
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
    public Optional<MsiTable> table(String name) throws FormatException {
        return schema.containsKey(name) ? Optional.of(apply(name).table()) : Optional.empty();
    }

    /**
     * @param name a table's name
     * @return its rows (after the transforms) that this transform, or one applied before it, inserted or changed
     * @throws FormatException if the transform's data for the table does not hold together
     */
    public List<Map<String, Object>> changedRows(String name) throws FormatException {
        if (!schema.containsKey(name)) {
            return List.of();
        }
        Applied a = apply(name);
        List<MsiColumn> keys = keys(schema.get(name));
        return a.table().rows().stream().filter(row -> a.changed().contains(key(row, keys))).toList();
    }

    /** @return what the transforms so far could not apply, oldest first */
    public List<String> notes() {
        List<String> all = new ArrayList<>(base instanceof TransformedTables t ? t.notes() : List.of());
        all.addAll(notes);
        return List.copyOf(all);
    }

    private Applied apply(String name) throws FormatException {
        Applied done = applied.get(name);
        if (done != null) {
            return done;
        }
        List<MsiColumn> columns = schema.get(name);
        List<MsiColumn> keys = keys(columns);
        Set<List<Object>> changed = new LinkedHashSet<>();
        if (base instanceof TransformedTables t && t.schema.containsKey(name)) {
            changed.addAll(t.apply(name).changed());
        }
        List<RowChange> changes = transform.changes(name, columns);
        List<Map<String, Object>> baseRows = base.table(name).map(MsiTable::rows).orElse(List.of());
        if (changes.isEmpty()) { // untouched: the base's rows as they are
            Applied same = new Applied(new MsiTable(name, columns.stream().map(MsiColumn::name).toList(), baseRows),
                    Collections.unmodifiableSet(changed));
            applied.put(name, same);
            return same;
        }
        Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : baseRows) {
            rows.put(key(row, keys), row); // copied when changed
        }
        for (RowChange c : changes) {
            List<Object> key = c.key(keys);
            Map<String, Object> row = rows.get(key);
            if (c.kind() == RowChange.Kind.DELETE) {
                if (rows.remove(key) == null) {
                    notes.add(transform.source() + ": table " + name + ", delete of row " + key
                            + ", which does not exist: nothing to do");
                }
                changed.remove(key);
                continue;
            }
            if (row == null) {
                Optional<MsiColumn> missing = columns.stream()
                        .filter(col -> !col.isNullable() && !c.values().containsKey(col.name())).findFirst();
                if (missing.isPresent()) {
                    notes.add(transform.source() + ": table " + name + ", " + c.kind().name().toLowerCase(Locale.ROOT)
                            + " of row " + key + " gives no " + missing.get().name() + ", which may not be null: "
                            + "not inserted");
                    continue;
                }
                if (c.kind() == RowChange.Kind.UPDATE) {
                    notes.add(transform.source() + ": table " + name + ", update of row " + key
                            + ", which does not exist: inserted with the columns it gives");
                }
                rows.put(key, new LinkedHashMap<>(c.values()));
            } else if (c.kind() == RowChange.Kind.INSERT) {
                notes.add(transform.source() + ": table " + name + ", insert of row " + key
                        + ", which exists: replaced");
                rows.put(key, new LinkedHashMap<>(c.values()));
            } else {
                Map<String, Object> copy = new LinkedHashMap<>(row);
                update(copy, c, columns);
                rows.put(key, copy);
            }
            if (rows.size() > TableDecoder.MAX_ROWS) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, transform.source(), -1, "table " + name
                        + " grows past " + TableDecoder.MAX_ROWS + " rows");
            }
            changed.add(key);
        }
        List<Map<String, Object>> frozen = new ArrayList<>(rows.size());
        rows.values().forEach(r -> frozen.add(Collections.unmodifiableMap(r))); // a base row: already unmodifiable
        Applied result = new Applied(new MsiTable(name, columns.stream().map(MsiColumn::name).toList(), frozen),
                Collections.unmodifiableSet(changed));
        applied.put(name, result);
        return result;
    }

    private static void update(Map<String, Object> row, RowChange c, List<MsiColumn> columns) {
        for (MsiColumn column : columns) {
            if (!column.isKey() && c.present().contains(column.name())) {
                Object value = c.values().get(column.name());
                if (value == null) {
                    row.remove(column.name());
                } else {
                    row.put(column.name(), value);
                }
            }
        }
    }

    /** A table's key columns; a table that declares none is keyed by its first column. */
    private static List<MsiColumn> keys(List<MsiColumn> columns) {
        List<MsiColumn> keys = columns.stream().filter(MsiColumn::isKey).toList();
        return keys.isEmpty() && !columns.isEmpty() ? List.of(columns.get(0)) : keys;
    }

    private static List<Object> key(Map<String, Object> row, List<MsiColumn> keys) {
        return keys.stream().map(k -> row.get(k.name())).toList();
    }
}
