package dev.patchchain.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns, for terminal output.
 *
 * <pre>{@code
 * Table t = new Table("#", "op", "path");
 * t.row("0", "rename", "C:\\x.dll");
 * t.render();   // "#  op      path\n0  rename  C:\x.dll\n"
 * }</pre>
 */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param headers the column titles */
    public Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    /**
     * @param cells one value per column
     * @return this table
     */
    public Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    /** @return true if only the header row is present */
    public boolean isEmpty() {
        return rows.size() == 1;
    }

    /** @return the table, each line indented by two spaces and ending in a newline */
    public String render() {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
