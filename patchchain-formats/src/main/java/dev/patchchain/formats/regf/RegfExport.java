package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.reg.RegValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Exports a hive, or a key and everything below it, as a {@link RegFile} (write it with
 * {@link dev.patchchain.formats.reg.RegFileWriter}), like {@code hivexregedit --export}: one section per key,
 * parents before children, subkeys and values in hive order, every value with its type and raw bytes.
 *
 * <pre>{@code
 * RegFile reg = RegfExport.export(hive.rootKey(), "HKEY_LOCAL_MACHINE\\SYSTEM");
 * Files.write(out, RegFileWriter.write(reg));
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
        BitSet visited = new BitSet(); // key node references / 8 (cells are 8-aligned)
        Deque<RegfKey> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            RegfKey key = pending.pop();
            if (visited.get(key.ref() / 8)) {
                key.leniency().tolerate(new FormatException(FormatException.Kind.CORRUPT, key.source(),
                        BaseBlock.SIZE + (key.ref() & 0xFFFFFFFFL), "key '" + key.path()
                                + "' is reached a second time (listed under two parents)"));
                continue;
            }
            visited.set(key.ref() / 8);
            List<RegValue> values = new ArrayList<>();
            for (RegfValue v : key.values()) {
                values.add(RegValue.of(v.name(), v.type(), v.data()));
            }
            blocks.add(new RegKeyBlock(key.path().isEmpty() ? prefix : prefix + '\\' + key.path(), false, values));
            List<RegfKey> children = key.subkeys();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return RegFile.of(blocks);
    }
}
