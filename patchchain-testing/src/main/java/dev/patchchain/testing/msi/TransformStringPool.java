package dev.patchchain.testing.msi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transform's own string pool (docs/formats/msi.md#string-pool): ids from 1 in order of first use, each with the
 * number of values that refer to it; {@code _StringPool} entry 0 holds the code page and, in bit 15 of bytes 2-3,
 * whether ids are 3 bytes wide; strings over 64 KiB take two entries (length 0, then the 32-bit length).
 */
final class TransformStringPool {

    private static final int LONG_REFS_FLAG = 0x8000;
    private static final int SHORT_ID_LIMIT = 0x10000;
    private static final int MAX_LENGTH_16 = 0xFFFF;

    private final int codepage;
    private final Charset charset;
    private final boolean forceLongRefs;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final List<Integer> refcounts = new ArrayList<>();

    TransformStringPool(int codepage, boolean forceLongRefs) {
        this.codepage = codepage;
        this.charset = charset(codepage);
        this.forceLongRefs = forceLongRefs;
    }

    static Charset charset(int codepage) {
        if (codepage == 65001) {
            return StandardCharsets.UTF_8;
        }
        if (codepage == 0) {
            return Charset.forName("windows-1252");
        }
        return Charset.forName("windows-" + codepage);
    }

    /** @return the string's id, counting one more reference; 0 for null or empty (MSI stores "" as null) */
    int intern(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        if (!charset.newEncoder().canEncode(s)) {
            throw new IllegalArgumentException("\"" + s + "\" cannot be written in code page " + codepage);
        }
        Integer id = ids.get(s);
        if (id == null) {
            strings.add(s);
            refcounts.add(1);
            id = strings.size();
            ids.put(s, id);
        } else {
            refcounts.set(id - 1, Math.min(MAX_LENGTH_16, refcounts.get(id - 1) + 1));
        }
        return id;
    }

    /** @return the id of a string already interned, without counting a reference */
    int id(String s) {
        return s == null || s.isEmpty() ? 0 : ids.get(s);
    }

    /** @return 3 when forced or when ids no longer fit in 16 bits, else 2 */
    int refBytes() {
        return forceLongRefs || strings.size() >= SHORT_ID_LIMIT ? 3 : 2;
    }

    byte[] pool() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, codepage & 0xFFFF);
        u16(out, (codepage >>> 16) | (refBytes() == 3 ? LONG_REFS_FLAG : 0));
        for (int i = 0; i < strings.size(); i++) {
            int length = strings.get(i).getBytes(charset).length;
            if (length > MAX_LENGTH_16) {
                u16(out, 0);
                u16(out, refcounts.get(i));
                u16(out, length & 0xFFFF);
                u16(out, length >>> 16);
            } else {
                u16(out, length);
                u16(out, refcounts.get(i));
            }
        }
        return out.toByteArray();
    }

    byte[] data() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : strings) {
            out.writeBytes(s.getBytes(charset));
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }
}
