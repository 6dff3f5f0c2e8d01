package dev.patchchain.formats.reg;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pending queue as a {@code .reg} file holds it, both ways: {@link #read} finds
 * {@code HKEY_LOCAL_MACHINE\SYSTEM\<control set>\Control\Session Manager} and decodes its two queue values;
 * {@link #toRegFile} writes a queue as a file that {@code reg import} applies.
 *
 * <p>If the file has several control sets, {@code CurrentControlSet} wins, else the lowest
 * {@code ControlSetNNN}; the choice is reported in {@link RegistryQueue#notes()}. A key that appears in several
 * sections is merged in file order, as an import would: a later value line replaces an earlier one, {@code "x"=-}
 * removes it, {@code [-key]} removes them all.
 *
 * <pre>{@code
 * RegistryQueue found = QueueRegistryView.read(RegFileReader.read(bytes, "pfro.reg"), "pfro.reg", PathContext.DEFAULT);
 * byte[] out = RegFileWriter.write(QueueRegistryView.toRegFile(chained, found.keyPath()));
 * }</pre>
 */
public final class QueueRegistryView {

    /** The usual key path, for {@link #toRegFile}. */
    public static final String CURRENT_KEY_PATH =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";

    private static final Pattern SESSION_MANAGER = Pattern.compile(
            "HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\(CurrentControlSet|ControlSet(\\d{3}))\\\\Control\\\\Session Manager",
            Pattern.CASE_INSENSITIVE);
    /** Sorts CurrentControlSet before every ControlSetNNN. */
    private static final int CURRENT_CONTROL_SET_RANK = -1;

    private QueueRegistryView() {
    }

    /**
     * @param file       a parsed {@code .reg} file
     * @param sourceName its name, for errors
     * @param context    the system root for {@code \SystemRoot} paths
     * @return the queue and where it came from
     * @throws FormatException if no Session Manager key is in the file or a queue value is not {@code REG_MULTI_SZ}
     */
    public static RegistryQueue read(RegFile file, String sourceName, PathContext context) throws FormatException {
        TreeMap<Integer, String> candidates = new TreeMap<>();
        for (RegKeyBlock key : file.keys()) {
            Matcher m = SESSION_MANAGER.matcher(key.path());
            if (m.matches()) {
                int rank = m.group(2) == null ? CURRENT_CONTROL_SET_RANK : Integer.parseInt(m.group(2));
                candidates.putIfAbsent(rank, key.path());
            }
        }
        if (candidates.isEmpty()) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, sourceName, -1,
                    "no [HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager] key"
                            + " (or ControlSetNNN) in the file");
        }
        String chosen = candidates.firstEntry().getValue();
        List<String> notes = new ArrayList<>(file.notes());
        if (candidates.size() > 1) {
            notes.add("several control sets hold a Session Manager key (" + String.join(", ", candidates.values())
                    + "); used " + chosen);
        }
        Map<String, RegValue> values = merged(file, chosen);
        EnumMap<QueueValueName, byte[]> data = new EnumMap<>(QueueValueName.class);
        for (QueueValueName name : QueueValueName.values()) {
            RegValue value = values.get(name.registryName().toUpperCase(Locale.ROOT));
            if (value == null) {
                continue;
            }
            if (value.type() != RegValue.REG_MULTI_SZ) {
                throw new FormatException(FormatException.Kind.CORRUPT, sourceName, -1, name.registryName()
                        + " under " + chosen + " has type " + value.type() + ", expected 7 (REG_MULTI_SZ, hex(7):)");
            }
            data.put(name, value.data());
        }
        PendingQueue queue = PendingQueue.decode(data.get(QueueValueName.PENDING_FILE_RENAME_OPERATIONS),
                data.get(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2), context);
        return new RegistryQueue(queue, chosen, notes);
    }

    /**
     * A file that sets both queue values to the queue's exact bytes; a value that is absent or holds no string
     * is written as a deletion ({@code "PendingFileRenameOperations"=-}), so importing it leaves no empty value.
     *
     * @param queue   the queue
     * @param keyPath the Session Manager key to write, usually {@link #CURRENT_KEY_PATH}
     * @return the file, one key section
     */
    public static RegFile toRegFile(PendingQueue queue, String keyPath) {
        List<RegValue> values = new ArrayList<>();
        for (QueueValueName name : QueueValueName.values()) {
            byte[] data = queue.encode(name).orElse(null);
            values.add(data == null || isEmpty(data)
                    ? RegValue.deletion(name.registryName())
                    : RegValue.of(name.registryName(), RegValue.REG_MULTI_SZ, data));
        }
        return RegFile.of(List.of(new RegKeyBlock(keyPath, false, values)));
    }

    private static boolean isEmpty(byte[] data) {
        MultiSz layout = MultiSz.decode(data);
        return layout.isTerminated() && layout.strings().stream().allMatch(String::isEmpty);
    }

    /** @return the key's values after every section for it, in file order, by upper-case name */
    private static Map<String, RegValue> merged(RegFile file, String path) {
        Map<String, RegValue> values = new LinkedHashMap<>();
        for (RegKeyBlock key : file.keys()) {
            if (!key.path().equalsIgnoreCase(path)) {
                continue;
            }
            if (key.delete()) {
                values.clear();
            }
            for (RegValue value : key.values()) {
                String name = value.name().toUpperCase(Locale.ROOT);
                if (value.delete()) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            }
        }
        return values;
    }
}
