package dev.patchchain.testing.msi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A target table's columns in order, as the first three lines of its {@code .idt} export give them (names, types,
 * then the table name and its key columns). A transform's integer widths come from here: they are the target
 * database's, not the transform's.
 *
 * <pre>{@code
 * TableSchema file = TableSchema.parseIdt("File\tComponent_\tFileName\ns72\ts72\tl255\nFile\tFile\n");
 * file.column("FileName").width(2);   // 2
 * }</pre>
 *
 * @param name    the table's name
 * @param columns its columns, in order
 */
public record TableSchema(String name, List<ColumnSpec> columns) {

    /** Copies the columns and checks there is a key. */
    public TableSchema {
        columns = List.copyOf(columns);
        if (columns.stream().noneMatch(ColumnSpec::key)) {
            throw new IllegalArgumentException("table " + name + " has no key column");
        }
    }

    /**
     * @param idt an {@code .idt} file's text, at least its three header lines
     * @return the schema it declares
     */
    public static TableSchema parseIdt(String idt) {
        String[] lines = idt.split("\r?\n", 4);
        if (lines.length < 3) {
            throw new IllegalArgumentException("an .idt export needs three header lines, got " + lines.length);
        }
        String[] names = lines[0].split("\t", -1);
        String[] types = lines[1].split("\t", -1);
        String[] third = lines[2].split("\t", -1);
        if (names.length != types.length) {
            throw new IllegalArgumentException("an .idt export with " + names.length + " names and " + types.length
                    + " types");
        }
        Set<String> keys = Set.copyOf(Arrays.asList(third).subList(1, third.length));
        List<ColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            columns.add(new ColumnSpec(names[i], types[i].strip(), keys.contains(names[i])));
        }
        return new TableSchema(third[0], columns);
    }

    /**
     * @param column a column's name
     * @return the column
     */
    public ColumnSpec column(String column) {
        return columns.get(index(column));
    }

    /**
     * @param column a column's name
     * @return its index, from 0
     */
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column + "; it has "
                + columns.stream().map(ColumnSpec::name).toList());
    }
}
