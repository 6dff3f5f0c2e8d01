package dev.patchchain.cli.hive;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.formats.regf.RegfValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Registry value data as people read it: type names as regedit shows them, strings, numbers, or hex. */
public final class ValueText {

    private static final String[] TYPES = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
        "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};

    private ValueText() {
    }

    static String typeName(int type) {
        return type >= 0 && type < TYPES.length ? TYPES[type] : String.format("0x%x", type);
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    /**
     * @param v a value
     * @return the strings of a REG_SZ, REG_EXPAND_SZ or REG_MULTI_SZ value (without the list terminator)
     */
    public static Optional<List<String>> strings(RegfValue v) {
        if (v.type() == 1 || v.type() == 2) {
            String text = new String(v.data(), StandardCharsets.UTF_16LE);
            int nul = text.indexOf('\0');
            return Optional.of(List.of(nul < 0 ? text : text.substring(0, nul)));
        }
        if (v.type() == RegfValue.REG_MULTI_SZ) {
            MultiSz multi = MultiSz.decode(v.data());
            List<String> items = multi.strings();
            boolean terminated = multi.isTerminated() && !items.isEmpty() && items.get(items.size() - 1).isEmpty();
            return Optional.of(terminated ? items.subList(0, items.size() - 1) : items);
        }
        return Optional.empty();
    }

    /**
     * @param v a value
     * @return the number of a REG_DWORD, REG_DWORD_BIG_ENDIAN or REG_QWORD value of the right size
     */
    public static Optional<Long> number(RegfValue v) {
        byte[] d = v.data();
        if ((v.type() == 4 || v.type() == 5) && d.length == 4) {
            ByteBuffer b = ByteBuffer.wrap(d).order(v.type() == 4 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            return Optional.of(b.getInt() & 0xFFFFFFFFL);
        }
        if (v.type() == 11 && d.length == 8) {
            return Optional.of(ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getLong());
        }
        return Optional.empty();
    }

    static String describe(RegfValue v) {
        Optional<List<String>> strings = strings(v);
        if (strings.isPresent()) {
            return v.type() == RegfValue.REG_MULTI_SZ ? String.join(" | ", strings.get()) : strings.get().get(0);
        }
        return number(v).map(n -> String.format("0x%x (%d)", n, n)).orElseGet(() -> hex(v.data()));
    }
}
