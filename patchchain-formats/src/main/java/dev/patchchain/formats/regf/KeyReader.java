package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows references from a key node to its subkeys, values and value data, checking every reference and count
 * before it follows or allocates, and handing damage to the {@link Leniency}.
 */
final class KeyReader {

    /** Windows allows 512 levels of keys; a deeper walk is a loop or damage. */
    static final int MAX_DEPTH = 512;

    private final Cells cells;
    private final int minorVersion;
    private final int hiveBinsSize;
    private final Leniency leniency;

    KeyReader(Cells cells, int minorVersion, int hiveBinsSize, Leniency leniency) {
        this.cells = cells;
        this.minorVersion = minorVersion;
        this.hiveBinsSize = hiveBinsSize;
        this.leniency = leniency;
    }

    Leniency leniency() {
        return leniency;
    }

    /** @return the hive's name, for messages */
    String source() {
        return cells.reader().source();
    }

    KeyNode keyNode(int ref, String what) throws FormatException {
        return KeyNode.read(cells.cell(ref, what));
    }

    private KeyNode subkeyNode(int ref, KeyNode parent) throws FormatException {
        return KeyNode.read(cells.cell(ref, "subkey of key", parent.name()));
    }

    /**
     * @param key a key node
     * @return its subkeys' nodes in list order; in lenient mode, those that could be read
     * @throws FormatException on damage, unless lenient
     */
    List<KeyNode> subkeys(KeyNode key) throws FormatException {
        if (key.subkeyCount() == 0) {
            return List.of();
        }
        int[] refs;
        try {
            Cell cell = cells.cell(key.subkeyList(), "subkeys list of key", key.name());
            SubkeyList list = SubkeyList.read(cell);
            if (!list.indexRoot()) {
                refs = list.elements();
            } else {
                refs = new int[0];
                Set<Integer> leaves = new HashSet<>();
                for (int leafRef : list.elements()) {
                    Cell leafCell = cells.cell(leafRef, "index root element");
                    SubkeyList leaf = SubkeyList.read(leafCell);
                    if (leaf.indexRoot() || !leaves.add(leafRef)) {
                        throw leafCell.data().corrupt(0, "index root of key '" + key.name()
                                + "': element is an index root or listed twice");
                    }
                    refs = concat(refs, leaf.elements());
                }
            }
            if (refs.length != key.subkeyCount()) {
                leniency.tolerate(cell.data().corrupt(0, "key '" + key.name() + "' declares " + key.subkeyCount()
                        + " subkeys but its subkeys list holds " + refs.length));
            }
        } catch (FormatException damage) {
            leniency.tolerate(damage);
            return List.of();
        }
        List<KeyNode> nodes = new ArrayList<>(refs.length);
        Set<Integer> seen = distinct(refs) ? null : new HashSet<>();
        for (int ref : refs) {
            try {
                if (seen != null && !seen.add(ref)) {
                    throw cells.reader().corrupt(BaseBlock.SIZE + (ref & 0xFFFFFFFFL), "key node 0x"
                            + Integer.toHexString(ref) + " is listed twice under key '" + key.name() + "'");
                }
                nodes.add(subkeyNode(ref, key));
            } catch (FormatException damage) {
                leniency.tolerate(damage);
            }
        }
        return nodes;
    }

    private static int[] concat(int[] refs, int[] more) {
        int[] out = Arrays.copyOf(refs, refs.length + more.length);
        System.arraycopy(more, 0, out, refs.length, more.length);
        return out;
    }

    /**
     * @param key a key node
     * @return its values in list order; in lenient mode, those that could be read
     * @throws FormatException on damage, unless lenient
     */
    List<RegfValue> values(KeyNode key) throws FormatException {
        if (key.valueCount() == 0) {
            return List.of();
        }
        int[] refs;
        try {
            Cell list = cells.cell(key.valueList(), "values list of key", key.name());
            list.data().check(0, (int) Math.min(Integer.MAX_VALUE, 4L * (key.valueCount() & 0xFFFFFFFFL)),
                    "values list of " + Integer.toUnsignedString(key.valueCount()) + " elements");
            refs = new int[key.valueCount()];
            for (int i = 0; i < refs.length; i++) {
                refs[i] = list.data().u32(4 * i, "values list element");
            }
        } catch (FormatException damage) {
            leniency.tolerate(damage);
            return List.of();
        }
        List<RegfValue> values = new ArrayList<>(refs.length);
        Set<Integer> seen = distinct(refs) ? null : new HashSet<>();
        for (int ref : refs) {
            try {
                ValueKey vk = ValueKey.read(cells.cell(ref, "value of key", key.name()));
                if (seen != null && !seen.add(ref)) {
                    throw cells.reader().corrupt(BaseBlock.SIZE + (ref & 0xFFFFFFFFL), "value '" + vk.name()
                            + "' is listed twice under key '" + key.name() + "'");
                }
                values.add(new RegfValue(vk.name(), vk.type(), data(vk)));
            } catch (FormatException damage) {
                leniency.tolerate(damage);
            }
        }
        return values;
    }

    private byte[] data(ValueKey vk) throws FormatException {
        int size = vk.dataSize();
        if (vk.resident()) {
            if (size > 4) {
                throw cells.reader().corrupt(BaseBlock.SIZE + (vk.ref() & 0xFFFFFFFFL), "value '" + vk.name()
                        + "': resident data size " + size + " exceeds 4");
            }
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = (byte) (vk.dataOffset() >>> (8 * i));
            }
            return out;
        }
        if (size == 0) {
            return new byte[0];
        }
        if (size > hiveBinsSize) {
            throw cells.reader().corrupt(BaseBlock.SIZE + (vk.ref() & 0xFFFFFFFFL), "value '" + vk.name()
                    + "': data size " + size + " exceeds the hive bins data size " + hiveBinsSize);
        }
        Cell cell = cells.cell(vk.dataOffset(), "data of value", vk.name());
        if (size > BigData.SEGMENT_SIZE && minorVersion > 3
                && cell.data().size() >= 2 && cell.data().u16(0, "big data signature") == Cell.signature("db")) {
            return bigData(vk, BigData.read(cell));
        }
        if (size > cell.data().size()) { // the message only when it is needed: this runs for every value
            cell.data().check(0, size, Cells.describe("data of value", vk.name()));
        }
        return cell.data().bytes(0, size, "data of value");
    }

    /**
     * @param refs references from one list
     * @return true if no reference is listed twice; the common case, checked without a set of boxed references
     */
    private static boolean distinct(int[] refs) {
        int[] sorted = refs.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private byte[] bigData(ValueKey vk, BigData db) throws FormatException {
        int size = vk.dataSize();
        int needed = (size + BigData.SEGMENT_SIZE - 1) / BigData.SEGMENT_SIZE;
        if (db.segmentCount() < needed) {
            throw cells.reader().corrupt(BaseBlock.SIZE + (vk.ref() & 0xFFFFFFFFL), "value '" + vk.name()
                    + "': big data has " + db.segmentCount() + " segments but " + size + " bytes need " + needed);
        }
        Cell list = cells.cell(db.segmentList(), "big data segment list of value '" + vk.name() + "'");
        list.data().check(0, 4 * needed, "big data segment list of " + needed + " segments");
        byte[] out = new byte[size];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0, at = 0; i < needed; i++) {
            int ref = list.data().u32(4 * i, "big data segment reference");
            if (!seen.add(ref)) {
                throw list.data().corrupt(4L * i, "big data segment 0x" + Integer.toHexString(ref) + " listed twice");
            }
            int chunk = Math.min(BigData.SEGMENT_SIZE, size - at);
            Cell segment = cells.cell(ref, "big data segment " + i + " of value '" + vk.name() + "'");
            segment.data().check(0, chunk, "big data segment " + i);
            System.arraycopy(segment.data().bytes(0, chunk, "big data segment"), 0, out, at, chunk);
            at += chunk;
        }
        return out;
    }
}
