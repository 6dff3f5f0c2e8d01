package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a table stream ({@code docs/formats/msi.md#tables}): column-major (all values of column 1, then of column
 * 2, ...); the row count is the stream size over the row size. Integers are stored with their sign bit flipped
 * (0 is null); strings as pool ids of 2 or 3 bytes.
 */
final class TableDecoder {

    static final int SHORT_BIAS = 0x8000;
    static final int LONG_BIAS = 0x80000000;
    /** The most rows decoded from one table; real packages have a few thousand files. */
    static final int MAX_ROWS = 1_000_000;

    private TableDecoder() {
    }

    static MsiTable decode(String name, List<MsiColumn> columns, LeReader data, StringPool pool)
            throws FormatException {
        int rowSize = 0;
        for (MsiColumn c : columns) {
            int width = c.width(pool.refSize());
            if (width < 0) {
                throw data.corrupt(0, "table " + name + ", column " + c.name() + ": invalid type 0x"
                        + Integer.toHexString(c.type()));
            }
            rowSize += width;
        }
        if (rowSize == 0 || data.size() % rowSize != 0) {
            throw data.corrupt(0, "table " + name + ": " + data.size() + " bytes is not a whole number of "
                    + rowSize + "-byte rows");
        }
        int rowCount = data.size() / rowSize;
        if (rowCount > MAX_ROWS) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, data.source(), -1, "table " + name + " has "
                    + rowCount + " rows, over the limit of " + MAX_ROWS);
        }
        List<Map<String, Object>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            rows.add(new LinkedHashMap<>());
        }
        int columnStart = 0;
        for (MsiColumn c : columns) {
            int width = c.width(pool.refSize());
            for (int r = 0; r < rowCount; r++) {
                int at = columnStart + r * width;
                Object value = value(c, width, data, at, pool);
                if (value != null) {
                    rows.get(r).put(c.name(), value);
                }
            }
            columnStart += rowCount * width;
        }
        List<Map<String, Object>> frozen = new ArrayList<>(rowCount);
        rows.forEach(row -> frozen.add(Collections.unmodifiableMap(row)));
        return new MsiTable(name, columns.stream().map(MsiColumn::name).toList(), frozen);
    }

    static Object value(MsiColumn c, int width, LeReader data, int at, StringPool pool)
            throws FormatException {
        if (c.isBinary()) {
            return null;
        }
        if (c.isString()) {
            int id = width == 3 ? data.u16(at, "string id") | data.u8(at + 2, "string id") << 16
                    : data.u16(at, "string id");
            return pool.get(id, data, at);
        }
        if (width == 2) {
            int raw = data.u16(at, "short");
            return raw == 0 ? null : (int) (short) (raw ^ SHORT_BIAS);
        }
        int raw = data.u32(at, "long");
        return raw == 0 ? null : raw ^ LONG_BIAS;
    }
}
