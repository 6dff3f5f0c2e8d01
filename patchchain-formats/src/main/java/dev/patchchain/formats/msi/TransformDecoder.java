package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a table's stream in a transform ({@code docs/formats/msi.md#transforms}): row-major, each row a 16-bit
 * mask and then its values. A mask with bit 0 set inserts a row, its high byte the number of leading columns that
 * follow; otherwise it is a bitmask of the non-key columns present (the keys always are), and 0 deletes the row.
 * Values are encoded as in a database table, strings as ids into the transform's own pool.
 */
final class TransformDecoder {

    private static final int MASK_BYTES = 2;
    private static final int MASK_BITS = 16;

    private TransformDecoder() {
    }

    static List<RowChange> decode(String table, List<MsiColumn> columns, LeReader data, StringPool pool)
            throws FormatException {
        List<RowChange> changes = new ArrayList<>();
        int at = 0;
        while (at < data.size()) {
            if (changes.size() >= TableDecoder.MAX_ROWS) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, data.source(), at, "transform of table "
                        + table + " has over " + TableDecoder.MAX_ROWS + " rows");
            }
            int maskAt = at;
            int mask = data.u16(at, "transform row mask of table " + table);
            at += MASK_BYTES;
            RowChange.Kind kind;
            List<MsiColumn> present = new ArrayList<>();
            if ((mask & 1) != 0) {
                kind = RowChange.Kind.INSERT;
                int count = mask >>> 8;
                if (count == 0 || count > columns.size()) {
                    throw data.corrupt(maskAt, "transform of table " + table + ": an insert of " + count
                            + " columns into a table of " + columns.size());
                }
                present.addAll(columns.subList(0, count));
            } else {
                kind = mask == 0 ? RowChange.Kind.DELETE : RowChange.Kind.UPDATE;
                if (columns.size() < MASK_BITS && mask >>> columns.size() != 0) {
                    throw data.corrupt(maskAt, "transform of table " + table + ": mask 0x"
                            + Integer.toHexString(mask) + " names columns past its " + columns.size());
                }
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).isKey() || i < MASK_BITS && (mask & 1 << i) != 0) {
                        present.add(columns.get(i));
                    }
                }
            }
            Map<String, Object> values = new HashMap<>();
            for (MsiColumn c : present) {
                int width = c.width(pool.refSize());
                if (width < 0) {
                    throw data.corrupt(maskAt, "table " + table + ", column " + c.name() + ": invalid type 0x"
                            + Integer.toHexString(c.type()));
                }
                data.check(at, width, "transform row of table " + table);
                Object value = TableDecoder.value(c, width, data, at, pool);
                if (value != null) {
                    values.put(c.name(), value);
                }
                at += width;
            }
            changes.add(new RowChange(kind, present.stream().map(MsiColumn::name).toList(), values));
        }
        return changes;
    }
}
