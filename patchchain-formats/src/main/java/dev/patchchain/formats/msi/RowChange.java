package dev.patchchain.formats.msi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a table's transform ({@code docs/formats/msi.md#transforms}): a row to insert, a row whose given columns
 * to change, or a row to delete; the row is found by its key columns, which every change carries.
 *
 * @param kind    what to do
 * @param present the columns the change carries, in table order (an insert: its leading columns; an update: the
 *                keys and the changed columns; a delete: the keys)
 * @param values  their values by column name; a present column without a value is set to null
 */
record RowChange(Kind kind, List<String> present, Map<String, Object> values) {

    /** What a row of a transform does. */
    enum Kind { INSERT, UPDATE, DELETE }

    /** Copies and freezes. */
    RowChange {
        present = List.copyOf(present);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param keys the table's key columns
     * @return the row's key: the key columns' values in order (null for a missing one)
     */
    List<Object> key(List<MsiColumn> keys) {
        return keys.stream().map(k -> values.get(k.name())).toList();
    }
}
