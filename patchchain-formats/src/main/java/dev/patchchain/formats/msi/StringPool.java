package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The string pool ({@code _StringPool} and {@code _StringData}; {@code docs/formats/msi.md#string-pool}): string id
 * {@code n} (from 1; 0 is null) is entry {@code n} of the pool, whose length says how many bytes of the data it
 * takes, in order. Strings are in the database's code page.
 *
 * @param strings     the strings by id; null for id 0 and unused ids
 * @param refSize     the bytes of a string reference in tables: 2, or 3 for a pool over 65 535 strings
 * @param codePage    the code page declared
 */
record StringPool(List<String> strings, int refSize, int codePage) {

    static final int ENTRY_SIZE = 4;
    static final int LONG_REFS_FLAG = 0x8000;
    static final int UTF8_CODE_PAGE = 65001;
    static final int MAX_STRINGS = 1 << 22;

    /** Freezes the list (which holds nulls: id 0 and unused ids). */
    StringPool {
        strings = Collections.unmodifiableList(new ArrayList<>(strings));
    }

    static StringPool read(LeReader pool, LeReader data) throws FormatException {
        if (pool.size() < ENTRY_SIZE || pool.size() % ENTRY_SIZE != 0) {
            throw pool.corrupt(0, "_StringPool of " + pool.size() + " bytes is not a whole number of 4-byte entries");
        }
        int codePage = pool.u16(0, "code page") | (pool.u16(2, "code page") & ~LONG_REFS_FLAG) << 16;
        int refSize = (pool.u16(2, "code page") & LONG_REFS_FLAG) != 0 ? 3 : 2;
        Charset charset = charset(codePage);
        int entries = pool.size() / ENTRY_SIZE;
        if (entries > MAX_STRINGS) {
            throw pool.corrupt(0, entries + " string pool entries exceed " + MAX_STRINGS);
        }
        List<String> strings = new ArrayList<>(entries);
        strings.add(null);
        int offset = 0;
        for (int i = 1; i < entries; i++) {
            long length = pool.u16(i * ENTRY_SIZE, "string length");
            int refs = pool.u16(i * ENTRY_SIZE + 2, "string refcount");
            if (length == 0 && refs == 0) { // an unused id
                strings.add(null);
                continue;
            }
            if (length == 0) { // a string over 64 KiB: its length is the next entry
                if (i + 1 >= entries) {
                    throw pool.corrupt((long) i * ENTRY_SIZE, "long string without its length entry");
                }
                length = pool.u32AsLong((i + 1) * ENTRY_SIZE, "long string length");
                i++;
            }
            if (length > data.size() - offset) {
                throw data.corrupt(offset, "string of " + length + " bytes but " + (data.size() - offset)
                        + " remain in _StringData");
            }
            strings.add(new String(data.bytes(offset, (int) length, "string"), charset));
            offset += (int) length;
        }
        return new StringPool(strings, refSize, codePage);
    }

    /**
     * @param id a string reference from a table
     * @return the string, or null for id 0
     * @throws FormatException if the id is not in the pool
     */
    String get(int id, LeReader where, int offset) throws FormatException {
        if (id < 0 || id >= strings.size()) {
            throw where.corrupt(offset, "string id " + id + " is not in the pool of " + (strings.size() - 1));
        }
        return strings.get(id);
    }

    private static Charset charset(int codePage) {
        if (codePage == 0 || codePage == UTF8_CODE_PAGE) {
            return codePage == 0 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName("windows-" + codePage);
        } catch (IllegalArgumentException e) {
            return Charset.forName("windows-1252");
        }
    }
}
