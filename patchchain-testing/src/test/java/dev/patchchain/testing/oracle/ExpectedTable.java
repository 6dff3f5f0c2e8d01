package dev.patchchain.testing.oracle;

import dev.patchchain.testing.msi.ColumnSpec;
import dev.patchchain.testing.msi.TableChanges;
import dev.patchchain.testing.msi.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table must hold after a transform, as text rows in {@code msiinfo export}'s form (integers in decimal,
 * null as empty): the target's rows with each {@link TableChanges.Row} applied as Wine's {@code msi.dll} applies a
 * transform row: an insert adds the row or, when its keys exist, replaces every column; an update sets the columns
 * it carries or, when no row has its keys, inserts one with them (the other columns null); a delete removes the row
 * (a missing one: nothing). A new row (insert, or update of missing keys) with a null in a column that may not be
 * null is not added.
 */
final class ExpectedTable {

    private final TableSchema schema;
    private final Map<List<String>, List<String>> rows = new LinkedHashMap<>();

    ExpectedTable(TableSchema schema, List<List<String>> baseRows) {
        this.schema = schema;
        for (List<String> row : baseRows) {
            rows.put(keys(row), new ArrayList<>(row));
        }
    }

    /** @return the key values of every row, in the target's order */
    List<List<String>> keys() {
        return List.copyOf(rows.keySet());
    }

    /** @return whether a row with these key values (as text) exists */
    boolean contains(List<String> keys) {
        return rows.containsKey(keys);
    }

    /** @return the row with these key values, as text */
    List<String> row(List<String> keys) {
        return List.copyOf(rows.get(keys));
    }

    void apply(TableChanges.Row change) {
        List<String> keys = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            if (c.key()) {
                keys.add(text(change.values().get(c.name())));
            }
        }
        switch (change.kind()) {
            case DELETE -> rows.remove(keys);
            case INSERT -> {
                if (rows.containsKey(keys) || complete(change)) { // replacing a row: no check of nulls
                    List<String> row = new ArrayList<>();
                    schema.columns().forEach(c -> row.add(text(change.values().get(c.name()))));
                    rows.put(keys, row);
                }
            }
            case UPDATE -> {
                List<String> row = rows.get(keys);
                if (row == null) { // Wine inserts the row: its keys and the updated columns, the rest null
                    if (complete(change)) {
                        List<String> inserted = new ArrayList<>();
                        schema.columns().forEach(c -> inserted.add(text(change.values().get(c.name()))));
                        rows.put(keys, inserted);
                    }
                } else {
                    change.values().forEach((column, value) -> row.set(schema.index(column), text(value)));
                }
            }
            default -> throw new IllegalStateException(change.kind().toString());
        }
    }

    /** @return whether the row has a value in every column that may not be null, as Wine wants of a new row */
    private boolean complete(TableChanges.Row change) {
        return schema.columns().stream().allMatch(c -> c.nullable() || change.values().get(c.name()) != null);
    }

    /** @return every row, sorted by its text, for comparison with an export */
    List<List<String>> sortedRows() {
        return sorted(new ArrayList<>(rows.values()));
    }

    static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows.stream().map(List::copyOf).toList());
        copy.sort(Comparator.comparing(r -> String.join("\t", r)));
        return copy;
    }

    private List<String> keys(List<String> row) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            if (schema.columns().get(i).key()) {
                keys.add(row.get(i));
            }
        }
        return keys;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
