package dev.patchchain.testing.regf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Builds small, valid registry hive files ({@code regf} 1.3 to 1.6) for tests: a base block with its checksum,
 * hive bins, {@code nk} keys (subkeys sorted, listed by {@code lh}, {@code lf}, {@code li} or {@code ri} over
 * {@code lh} leaves), {@code vk} values (resident, in a cell, or {@code db} big data), one shared {@code sk}.
 *
 * <pre>{@code
 * byte[] hive = new RegfBuilder()
 *         .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
 *         .value("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7, multiSz)
 *         .build();
 * }</pre>
 */
public final class RegfBuilder {

    /** Which subkeys list the builder writes. */
    public enum ListKind {
        /** Index leaf. */
        LI,
        /** Fast leaf (name hints). */
        LF,
        /** Hash leaf (name hashes). */
        LH,
        /** Index root over hash leaves of at most two elements. */
        RI
    }

    /** FILETIME of 2024-01-01T00:00:00Z, used for every timestamp. */
    public static final long TIMESTAMP = 133_485_408_000_000_000L;
    private static final int SEGMENT = 16344;
    private static final int RI_LEAF = 2;

    private final Node root = new Node("ROOT");
    private int minorVersion = 5;
    private ListKind listKind = ListKind.LH;
    private int primarySequence = 1;
    private int secondarySequence = 1;

    private static final class Node {
        final String name;
        final TreeMap<String, Node> children = new TreeMap<>();
        final List<Value> values = new ArrayList<>();
        int ref;

        Node(String name) {
            this.name = name;
        }
    }

    private record Value(String name, int type, byte[] data) {
    }

    /**
     * @param minor the minor format version, 3 to 6 (3: no big data records)
     * @return this
     */
    public RegfBuilder minorVersion(int minor) {
        this.minorVersion = minor;
        return this;
    }

    /**
     * @param kind the subkeys list to write
     * @return this
     */
    public RegfBuilder listKind(ListKind kind) {
        this.listKind = kind;
        return this;
    }

    /**
     * @param primary   the primary sequence number
     * @param secondary the secondary one (different: a dirty hive)
     * @return this
     */
    public RegfBuilder sequences(int primary, int secondary) {
        this.primarySequence = primary;
        this.secondarySequence = secondary;
        return this;
    }

    /**
     * @param path a key path below the root, {@code \}-separated; missing parents are created
     * @return this
     */
    public RegfBuilder key(String path) {
        node(path);
        return this;
    }

    /**
     * @param path the key (created if missing)
     * @param name the value name, {@code ""} for the default value
     * @param type the registry type
     * @param data the bytes
     * @return this
     */
    public RegfBuilder value(String path, String name, int type, byte[] data) {
        node(path).values.add(new Value(name, type, data.clone()));
        return this;
    }

    private Node node(String path) {
        Node n = root;
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                n = n.children.computeIfAbsent(part.toUpperCase(Locale.ROOT), k -> new Node(part));
            }
        }
        return n;
    }

    /** @return the hive file's bytes */
    public byte[] build() {
        HiveBins bins = new HiveBins();
        int sk = writeSecurity(bins);
        int rootRef = writeKey(bins, root, sk, true);
        byte[] hbins = bins.finish();
        byte[] file = new byte[4096 + hbins.length];
        System.arraycopy(hbins, 0, file, 4096, hbins.length);
        putInt(file, 0, 0x66676572);
        putInt(file, 4, primarySequence);
        putInt(file, 8, secondarySequence);
        putInt(file, 12, (int) TIMESTAMP);
        putInt(file, 16, (int) (TIMESTAMP >>> 32));
        putInt(file, 20, 1);
        putInt(file, 24, minorVersion);
        putInt(file, 32, 1);
        putInt(file, 36, rootRef);
        putInt(file, 40, hbins.length);
        putInt(file, 44, 1);
        byte[] name = "patchchain-test".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, file, 48, name.length);
        putInt(file, 508, checksum(file));
        return file;
    }

    /**
     * @param file a hive file (its first 508 bytes)
     * @return the base block checksum it should carry
     */
    public static int checksum(byte[] file) {
        int c = 0;
        for (int i = 0; i < 508; i += 4) {
            c ^= (file[i] & 0xFF) | (file[i + 1] & 0xFF) << 8 | (file[i + 2] & 0xFF) << 16 | (file[i + 3] & 0xFF) << 24;
        }
        return c == 0 ? 1 : c == -1 ? -2 : c;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static int writeSecurity(HiveBins bins) {
        // Self-relative security descriptor: revision 1, SE_SELF_RELATIVE, no owner, group, SACL or DACL.
        byte[] descriptor = {1, 0, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int ref = bins.allocate(20 + descriptor.length);
        int d = HiveBins.data(ref);
        bins.putShort(d, 's' | 'k' << 8);
        bins.putInt(d + 4, ref);
        bins.putInt(d + 8, ref);
        bins.putInt(d + 12, 1);
        bins.putInt(d + 16, descriptor.length);
        bins.put(d + 20, descriptor);
        return ref;
    }

    private int writeKey(HiveBins bins, Node node, int sk, boolean isRoot) {
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(c -> c.name.toUpperCase(Locale.ROOT)));
        for (Node child : children) {
            child.ref = writeKey(bins, child, sk, false);
        }
        int subkeyList = children.isEmpty() ? -1 : writeSubkeyList(bins, children);
        int valueList = -1;
        if (!node.values.isEmpty()) {
            int[] vks = new int[node.values.size()];
            for (int i = 0; i < vks.length; i++) {
                Value v = node.values.get(i);
                vks[i] = writeValue(bins, v.name(), v.type(), v.data());
            }
            valueList = bins.allocate(4 * vks.length);
            for (int i = 0; i < vks.length; i++) {
                bins.putInt(HiveBins.data(valueList) + 4 * i, vks[i]);
            }
        }
        byte[] name = name(node.name);
        boolean compressed = name.length == node.name.length();
        int ref = bins.allocate(76 + name.length);
        int d = HiveBins.data(ref);
        bins.putShort(d, 'n' | 'k' << 8);
        bins.putShort(d + 2, (compressed ? 0x20 : 0) | (isRoot ? 0x0C : 0));
        bins.putLong(d + 4, TIMESTAMP);
        bins.putInt(d + 16, isRoot ? -1 : 0);
        bins.putInt(d + 20, children.size());
        bins.putInt(d + 28, subkeyList);
        bins.putInt(d + 32, -1);
        bins.putInt(d + 36, node.values.size());
        bins.putInt(d + 40, valueList);
        bins.putInt(d + 44, sk);
        bins.putInt(d + 48, -1);
        bins.putShort(d + 72, name.length);
        bins.put(d + 76, name);
        for (Node child : children) {
            bins.putInt(HiveBins.data(child.ref) + 16, ref);
        }
        return ref;
    }

    /** Latin-1 when every character fits (a compressed name), else UTF-16LE. */
    private static byte[] name(String name) {
        boolean latin1 = name.chars().allMatch(c -> c < 0x100);
        return name.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    private int writeSubkeyList(HiveBins bins, List<Node> children) {
        if (listKind != ListKind.RI) {
            return writeLeaf(bins, children, listKind);
        }
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < children.size(); i += RI_LEAF) {
            leaves.add(writeLeaf(bins, children.subList(i, Math.min(children.size(), i + RI_LEAF)), ListKind.LH));
        }
        int ref = bins.allocate(4 + 4 * leaves.size());
        int d = HiveBins.data(ref);
        bins.putShort(d, 'r' | 'i' << 8);
        bins.putShort(d + 2, leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            bins.putInt(d + 4 + 4 * i, leaves.get(i));
        }
        return ref;
    }

    private static int writeLeaf(HiveBins bins, List<Node> children, ListKind kind) {
        int step = kind == ListKind.LI ? 4 : 8;
        int ref = bins.allocate(4 + step * children.size());
        int d = HiveBins.data(ref);
        bins.putShort(d, kind == ListKind.LI ? 'l' | 'i' << 8 : kind == ListKind.LF ? 'l' | 'f' << 8 : 'l' | 'h' << 8);
        bins.putShort(d + 2, children.size());
        for (int i = 0; i < children.size(); i++) {
            Node c = children.get(i);
            bins.putInt(d + 4 + step * i, c.ref);
            if (kind == ListKind.LH) {
                int hash = 0;
                for (char ch : c.name.toUpperCase(Locale.ROOT).toCharArray()) {
                    hash = 37 * hash + ch;
                }
                bins.putInt(d + 8 + step * i, hash);
            } else if (kind == ListKind.LF) {
                for (int k = 0; k < Math.min(4, c.name.length()); k++) {
                    char ch = c.name.charAt(k);
                    bins.put(d + 8 + step * i + k, new byte[] {(byte) (ch < 0x80 ? ch : 0)});
                }
            }
        }
        return ref;
    }

    private int writeValue(HiveBins bins, String name, int type, byte[] data) {
        int dataField;
        int sizeField = data.length;
        if (data.length <= 4) {
            dataField = 0;
            for (int i = 0; i < data.length; i++) {
                dataField |= (data[i] & 0xFF) << (8 * i);
            }
            sizeField |= 0x80000000;
        } else if (data.length > SEGMENT && minorVersion > 3) {
            dataField = writeBigData(bins, data);
        } else {
            dataField = bins.allocate(data.length);
            bins.put(HiveBins.data(dataField), data);
        }
        byte[] nameBytes = name(name);
        boolean compressed = nameBytes.length == name.length();
        int ref = bins.allocate(20 + nameBytes.length);
        int d = HiveBins.data(ref);
        bins.putShort(d, 'v' | 'k' << 8);
        bins.putShort(d + 2, nameBytes.length);
        bins.putInt(d + 4, sizeField);
        bins.putInt(d + 8, dataField);
        bins.putInt(d + 12, type);
        bins.putShort(d + 16, compressed && !name.isEmpty() ? 1 : 0);
        bins.put(d + 20, nameBytes);
        return ref;
    }

    private static int writeBigData(HiveBins bins, byte[] data) {
        int count = (data.length + SEGMENT - 1) / SEGMENT;
        int[] segments = new int[count];
        for (int i = 0; i < count; i++) {
            int from = i * SEGMENT;
            int length = Math.min(SEGMENT, data.length - from);
            segments[i] = bins.allocate(length);
            bins.put(HiveBins.data(segments[i]), java.util.Arrays.copyOfRange(data, from, from + length));
        }
        int list = bins.allocate(4 * count);
        for (int i = 0; i < count; i++) {
            bins.putInt(HiveBins.data(list) + 4 * i, segments[i]);
        }
        int db = bins.allocate(8);
        bins.putShort(HiveBins.data(db), 'd' | 'b' << 8);
        bins.putShort(HiveBins.data(db) + 2, count);
        bins.putInt(HiveBins.data(db) + 4, list);
        return db;
    }
}
