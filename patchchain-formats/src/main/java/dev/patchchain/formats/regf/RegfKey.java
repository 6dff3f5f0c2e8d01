package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key of an open {@link RegfHive}. Subkeys and values are read from the hive on each call; names compare
 * case-insensitively, as Windows compares them.
 *
 * <pre>{@code
 * RegfKey sm = hive.key("ControlSet001\\Control\\Session Manager").orElseThrow();
 * sm.value("PendingFileRenameOperations");   // Optional<RegfValue>
 * }</pre>
 */
public final class RegfKey {

    private final KeyReader reader;
    private final KeyNode node;
    private final RegfKey parent;
    private final int depth;

    RegfKey(KeyReader reader, KeyNode node, RegfKey parent) {
        this.reader = reader;
        this.node = node;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    int ref() {
        return node.ref();
    }

    Leniency leniency() {
        return reader.leniency();
    }

    String source() {
        return reader.source();
    }

    /** @return the key's name as stored (the root key's too) */
    public String name() {
        return node.name();
    }

    /** @return the path below the hive root, {@code \}-separated, {@code ""} for the root key */
    public String path() {
        if (parent == null) {
            return "";
        }
        String above = parent.path();
        return above.isEmpty() ? name() : above + '\\' + name();
    }

    /** @return the key's last written timestamp */
    public Instant lastWritten() {
        return FileTime.toInstant(node.lastWrittenRaw());
    }

    /**
     * @return the subkeys, in the order the hive lists them (sorted by upper-case name in a sound hive)
     * @throws FormatException if a subkeys list or a subkey is damaged (lenient mode: skipped with a warning), or
     *                         a subkey is this key or one of its ancestors
     */
    public List<RegfKey> subkeys() throws FormatException {
        List<RegfKey> out = new ArrayList<>();
        for (KeyNode child : reader.subkeys(node)) {
            try {
                checkNotAncestor(child);
                out.add(new RegfKey(reader, child, this));
            } catch (FormatException damage) {
                reader.leniency().tolerate(damage);
            }
        }
        return out;
    }

    private void checkNotAncestor(KeyNode child) throws FormatException {
        if (depth + 1 > KeyReader.MAX_DEPTH) {
            throw new FormatException(FormatException.Kind.CORRUPT, reader.source(), -1, "key '" + path()
                    + "' is nested deeper than " + KeyReader.MAX_DEPTH + " levels");
        }
        if (child.parent() != node.ref()) {
            reader.leniency().tolerate(new FormatException(FormatException.Kind.CORRUPT, reader.source(), BaseBlock.SIZE
                    + (child.ref() & 0xFFFFFFFFL) + KeyNode.PARENT, "key '" + child.name() + "' under '" + path()
                    + "' names key node 0x" + Integer.toHexString(child.parent()) + " as its parent, not 0x"
                    + Integer.toHexString(node.ref())));
        }
        for (RegfKey k = this; k != null; k = k.parent) {
            if (k.node.ref() == child.ref()) {
                throw new FormatException(FormatException.Kind.CORRUPT, reader.source(), BaseBlock.SIZE
                        + (child.ref() & 0xFFFFFFFFL), "key '" + path() + "' lists its ancestor '" + k.path()
                        + "' as a subkey (a loop)");
            }
        }
    }

    /**
     * @param name a subkey name, any case
     * @return the subkey of that name
     * @throws FormatException as {@link #subkeys()}
     */
    public Optional<RegfKey> subkey(String name) throws FormatException {
        for (RegfKey k : subkeys()) {
            if (k.name().equalsIgnoreCase(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the values, in the order the hive lists them
     * @throws FormatException if the values list, a value or its data is damaged (lenient mode: skipped with a
     *                         warning)
     */
    public List<RegfValue> values() throws FormatException {
        return reader.values(node);
    }

    /**
     * @param name a value name, any case; {@code ""} for the default value
     * @return the value of that name
     * @throws FormatException as {@link #values()}
     */
    public Optional<RegfValue> value(String name) throws FormatException {
        for (RegfValue v : values()) {
            if (v.name().equalsIgnoreCase(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RegfKey[" + (parent == null ? "(root) " + name() : path()) + "]";
    }
}
