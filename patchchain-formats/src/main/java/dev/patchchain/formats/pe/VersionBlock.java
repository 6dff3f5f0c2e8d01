package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The header every structure of a version resource shares ({@code VS_VERSIONINFO}, {@code StringFileInfo},
 * {@code StringTable}, {@code String}, {@code VarFileInfo}, {@code Var}): {@code wLength}, {@code wValueLength},
 * {@code wType}, a NUL-terminated UTF-16 key, padding to 32 bits, the value, padding, then the children. Offsets
 * are relative to the start of the version resource, from which the 32-bit alignment is counted.
 *
 * @param offset      where the block starts
 * @param end         where it ends ({@code offset + wLength})
 * @param valueLength {@code wValueLength} as declared (words for text, bytes for binary)
 * @param key         the key
 * @param valueOffset where the value starts
 * @param childrenOffset where the first child would start
 */
record VersionBlock(int offset, int end, int valueLength, String key, int valueOffset, int childrenOffset) {

    private static final int W_LENGTH = 0; // from block start
    private static final int W_VALUE_LENGTH = 2;
    private static final int W_TYPE = 4;
    private static final int KEY = 6;
    private static final int TYPE_TEXT = 1;

    static VersionBlock read(LeReader r, int offset, int limit) throws IOException {
        int length = r.u16(offset + W_LENGTH, "version block wLength");
        if (length < KEY || length > limit - offset) {
            throw r.corrupt(offset, "version block wLength " + length + " is not in 6.." + (limit - offset));
        }
        int end = offset + length;
        int valueLength = r.u16(offset + W_VALUE_LENGTH, "version block wValueLength");
        boolean text = r.u16(offset + W_TYPE, "version block wType") == TYPE_TEXT;
        int keyEnd = terminator(r, offset + KEY, end);
        if (keyEnd < 0) {
            throw r.corrupt(offset + KEY, "version block key has no NUL terminator within the block's " + length
                    + " bytes");
        }
        String key = Utf16.decode(r, offset + KEY, keyEnd);
        int valueOffset = align4(keyEnd + 2);
        int childrenOffset = align4(valueOffset + (text ? 2 * valueLength : valueLength));
        return new VersionBlock(offset, end, valueLength, key, valueOffset, childrenOffset);
    }

    /** @return the blocks nested in this one, in file order */
    List<VersionBlock> children(LeReader r) throws IOException {
        List<VersionBlock> children = new ArrayList<>();
        for (int at = childrenOffset; at + KEY <= end; ) {
            VersionBlock child = read(r, at, end);
            children.add(child);
            at = align4(child.end());
        }
        return children;
    }

    /** @return the value as text: up to the first NUL, or the block's end; empty if it declares no value */
    String text(LeReader r) throws IOException {
        if (valueLength == 0 || valueOffset >= end) {
            return "";
        }
        int stop = terminator(r, valueOffset, end);
        return Utf16.decode(r, valueOffset, stop < 0 ? valueOffset + (end - valueOffset) / 2 * 2 : stop);
    }

    private static int terminator(LeReader r, int from, int end) throws IOException {
        for (int at = from; at + 2 <= end; at += 2) {
            if (r.u16(at, "version block text") == 0) {
                return at;
            }
        }
        return -1;
    }

    private static int align4(int offset) {
        return (offset + 3) & ~3;
    }
}
