package dev.patchchain.formats.msi;

import java.util.List;
import java.util.Map;

/**
 * A table as read: its columns and rows, each row's values by column name ({@link String} for a string column,
 * {@link Integer} for an integer column; absent for null and for binary streams).
 *
 * <pre>{@code
 * MsiTable file = db.table("File").orElseThrow();
 * file.rows().get(0).get("FileName");   // "NTDLL.DLL|ntdll.dll"
 * }</pre>
 *
 * @param name    the table's name
 * @param columns the column names, in order
 * @param rows    the rows, in stored order
 */
public record MsiTable(String name, List<String> columns, List<Map<String, Object>> rows) {

    /** Copies the lists; the rows must already be unmodifiable. */
    public MsiTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
