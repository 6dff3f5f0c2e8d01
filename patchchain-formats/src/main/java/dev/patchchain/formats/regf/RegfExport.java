package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.reg.RegTextWriter;
import dev.patchchain.formats.reg.RegValue;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Exports a hive, or a key and everything below it, like {@code hivexregedit --export}: one section per key,
 * parents before children, subkeys and values in hive order, every value with its type and raw bytes. As a
 * {@link RegFile} to inspect, or streamed as {@code .reg} text, key by key, without holding the hive's keys.
 *
 * <pre>{@code
 * RegFile reg = RegfExport.export(hive.rootKey(), "HKEY_LOCAL_MACHINE\\SYSTEM");
 * int keys = RegfExport.write(hive.rootKey(), "HKEY_LOCAL_MACHINE\\SYSTEM", writer);   // the same, as text
 * }</pre>
 */
public final class RegfExport {

    private RegfExport() {
    }

    /**
     * @param top    the key to export with its subtree
     * @param prefix what to put before each key's path below the hive root, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM}
     * @return one section per key
     * @throws FormatException if a structure on the way is damaged (lenient hives: skipped with a warning) or a key
     *                         node is reached twice
     */
    public static RegFile export(RegfKey top, String prefix) throws FormatException {
        List<RegKeyBlock> blocks = new ArrayList<>();
        try {
            walk(top, prefix, (path, values) -> {
                List<RegValue> regValues = new ArrayList<>(values.size());
                for (RegfValue v : values) {
                    regValues.add(RegValue.of(v.name(), v.type(), v.data()));
                }
                blocks.add(new RegKeyBlock(path, false, regValues));
            });
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("collecting sections does no I/O", e);
        }
        return RegFile.of(blocks);
    }

    /**
     * Writes what {@link #export} returns as {@code .reg} text (as
     * {@link dev.patchchain.formats.reg.RegFileWriter#toText} would), a key at a time, and flushes {@code out}.
     *
     * @param top    the key to export with its subtree
     * @param prefix as for {@link #export}
     * @param out    where the text goes (not closed); on damage, it has the keys before it
     * @return the number of key sections written
     * @throws IOException as {@link #export} (a {@link FormatException}), or if writing fails
     */
    public static int write(RegfKey top, String prefix, Writer out) throws IOException {
        RegTextWriter text = new RegTextWriter(out);
        int[] keys = {0};
        walk(top, prefix, (path, values) -> {
            text.key(path, false);
            for (RegfValue v : values) {
                text.value(v.name(), v.type(), v.data());
            }
            keys[0]++;
        });
        text.finish();
        return keys[0];
    }

    /** Receives each key's section in export order. */
    private interface Section {
        void key(String path, List<RegfValue> values) throws IOException;
    }

    private static void walk(RegfKey top, String prefix, Section section) throws IOException {
        BitSet visited = new BitSet(); // key node references / 8 (cells are 8-aligned)
        Deque<RegfKey> pending = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>(); // each pending key's full path, built from its parent's
        pending.push(top);
        paths.push(top.path().isEmpty() ? prefix : prefix + '\\' + top.path());
        while (!pending.isEmpty()) {
            RegfKey key = pending.pop();
            String path = paths.pop();
            if (visited.get(key.ref() / 8)) {
                key.leniency().tolerate(new FormatException(FormatException.Kind.CORRUPT, key.source(),
                        BaseBlock.SIZE + (key.ref() & 0xFFFFFFFFL), "key '" + key.path()
                                + "' is reached a second time (listed under two parents)"));
                continue;
            }
            visited.set(key.ref() / 8);
            section.key(path, key.values());
            List<RegfKey> children = key.subkeys();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
                paths.push(path + '\\' + children.get(i).name());
            }
        }
    }
}
