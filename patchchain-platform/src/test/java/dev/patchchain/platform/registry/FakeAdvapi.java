package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.RegistryValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory Advapi32 as Win32 documents it: keys case-insensitive, subkeys in insertion order, caller-sized
 * buffers answered with {@code ERROR_MORE_DATA} and the size needed, access denied for keys marked so. It counts the
 * handles it gives out and takes back. Public so that tests of other packages can build a live machine from it;
 * {@link #view(String)} is the way in.
 */
public final class FakeAdvapi implements Advapi {

    /** Last write time of every key: 2024-01-01T00:00:00Z as a FILETIME. */
    public static final long FILETIME = 133_485_408_000_000_000L;

    private static final class Key {
        final String name;
        final Map<String, Key> children = new LinkedHashMap<>();
        final Map<String, RegistryValue> values = new HashMap<>();

        Key(String name) {
            this.name = name;
        }
    }

    private final Key root = new Key("");
    private final Set<String> denied = new HashSet<>();
    private final Map<Long, Key> open = new HashMap<>();
    private final List<Integer> answers = new ArrayList<>();
    private long nextHandle = 0x100;
    private int opened;
    private int closed;

    /**
     * @param path the key (parents created)
     * @return this
     */
    public FakeAdvapi key(String path) {
        node(path);
        return this;
    }

    /**
     * @param path the key (created if missing)
     * @param name the value name
     * @param type its registry type
     * @param data its bytes
     * @return this
     */
    public FakeAdvapi value(String path, String name, int type, byte[] data) {
        node(path).values.put(name.toUpperCase(Locale.ROOT), new RegistryValue(type, data));
        return this;
    }

    /**
     * @param path a key whose opening fails with {@code ERROR_ACCESS_DENIED}
     * @return this
     */
    public FakeAdvapi deny(String path) {
        denied.add(path.toUpperCase(Locale.ROOT));
        return this;
    }

    /**
     * @param hive the key that stands for the hive root ({@code SYSTEM})
     * @return the live view over this fake, as {@code HKLM\hive}
     */
    public WindowsRegistryView view(String hive) {
        return new WindowsRegistryView(this, "HKLM", hive);
    }

    /** @return handles given out and not closed */
    int openHandles() {
        return opened - closed;
    }

    /** @return handles given out */
    int opened() {
        return opened;
    }

    /** @return the statuses answered by {@link #queryValue}, in order */
    List<Integer> valueAnswers() {
        return List.copyOf(answers);
    }

    @Override
    public int openKey(String path, long[] key) {
        if (denied.contains(path.toUpperCase(Locale.ROOT))) {
            return ERROR_ACCESS_DENIED;
        }
        Key k = root;
        for (String part : path.split("\\\\")) {
            k = k.children.get(part.toUpperCase(Locale.ROOT));
            if (k == null) {
                return ERROR_FILE_NOT_FOUND;
            }
        }
        key[0] = nextHandle++;
        open.put(key[0], k);
        opened++;
        return ERROR_SUCCESS;
    }

    @Override
    public int enumKey(long key, int index, char[] name, int[] length) {
        List<Key> children = new ArrayList<>(handle(key).children.values());
        if (index >= children.size()) {
            return ERROR_NO_MORE_ITEMS;
        }
        String child = children.get(index).name;
        if (child.length() + 1 > length[0]) {
            return ERROR_MORE_DATA;
        }
        child.getChars(0, child.length(), name, 0);
        name[child.length()] = '\0';
        length[0] = child.length();
        return ERROR_SUCCESS;
    }

    @Override
    public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
        RegistryValue value = handle(key).values.get(name.toUpperCase(Locale.ROOT));
        int rc = answer(value, type, data, size);
        answers.add(rc);
        return rc;
    }

    private static int answer(RegistryValue value, int[] type, byte[] data, int[] size) {
        if (value == null) {
            return ERROR_FILE_NOT_FOUND;
        }
        byte[] bytes = value.data();
        type[0] = value.type();
        if (bytes.length > size[0]) {
            size[0] = bytes.length;
            return ERROR_MORE_DATA;
        }
        System.arraycopy(bytes, 0, data, 0, bytes.length);
        size[0] = bytes.length;
        return ERROR_SUCCESS;
    }

    @Override
    public int lastWriteTime(long key, long[] fileTime) {
        handle(key);
        fileTime[0] = FILETIME;
        return ERROR_SUCCESS;
    }

    @Override
    public void closeKey(long key) {
        if (open.remove(key) == null) {
            throw new IllegalStateException("closed twice or never opened: " + key);
        }
        closed++;
    }

    @Override
    public String message(int status) {
        return "status " + status;
    }

    private Key handle(long key) {
        Key k = open.get(key);
        if (k == null) {
            throw new IllegalStateException("not an open handle: " + key);
        }
        return k;
    }

    private Key node(String path) {
        Key k = root;
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                k = k.children.computeIfAbsent(part.toUpperCase(Locale.ROOT), u -> new Key(part));
            }
        }
        return k;
    }
}
