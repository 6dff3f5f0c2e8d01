package dev.patchchain.platform.registry;

import com.sun.jna.platform.win32.WinReg;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The core's {@link RegistryView} over one hive of the running Windows ({@code HKLM\SYSTEM}, {@code HKLM\SOFTWARE}),
 * read through Advapi32 in the 64-bit view: values keep their type and raw bytes exactly as an offline hive gives
 * them (a {@code REG_MULTI_SZ} reaches the core's decoder byte for byte; unknown types are kept), subkeys come in
 * {@code RegEnumKeyEx} index order, the last write time from {@code RegQueryInfoKey}. Every call opens the key,
 * reads and closes it, so nothing stays open between calls. Compiles everywhere; {@link #system()} and
 * {@link #software()} work only on Windows.
 *
 * <pre>{@code
 * RegistryView software = WindowsRegistryView.software();
 * software.value("Microsoft\\Cryptography", "MachineGuid").map(RegistryValue::string);
 * }</pre>
 *
 * <p>A missing key or value is absent. A key the process may not open fails with an {@link UncheckedIOException}
 * whose cause is a {@link RegistryAccessDeniedException} naming it; any other failure with an {@link IOException}
 * naming the key and the system's message. Buffers start small and grow when the registry says
 * {@code ERROR_MORE_DATA} (a value that grows between two reads is read again), within {@link #MAX_VALUE_BYTES},
 * {@link #MAX_READS} reads per value and {@link #MAX_NAME_CHARS} per key name.
 */
public final class WindowsRegistryView implements RegistryView {

    /** The largest value read: a value bigger than this is an error, not an allocation. */
    public static final int MAX_VALUE_BYTES = 64 << 20;
    /** Reads of one value before one that keeps growing is given up. */
    public static final int MAX_READS = 8;
    /** The longest key name accepted while enumerating (Windows allows 255 characters). */
    public static final int MAX_NAME_CHARS = 32_767;
    /** The most subkeys one key may list: the bound of the enumeration. */
    public static final int MAX_SUBKEYS = 1 << 22;

    static final int FIRST_VALUE_BYTES = 512;
    static final int FIRST_NAME_CHARS = 256;
    private static final long EPOCH_1601_TO_1970_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private final Advapi api;
    private final String rootName;
    private final String hive;

    /**
     * @param api      the Win32 calls
     * @param rootName the predefined key the calls open below, for messages ({@code HKLM})
     * @param hive     the hive's key below it ({@code SYSTEM}); every path is relative to it
     */
    WindowsRegistryView(Advapi api, String rootName, String hive) {
        this.api = Objects.requireNonNull(api, "api");
        this.rootName = Objects.requireNonNull(rootName, "rootName");
        this.hive = normalize(Objects.requireNonNull(hive, "hive"));
    }

    /** @return {@code HKLM\SYSTEM} of the running Windows */
    public static WindowsRegistryView system() {
        return of(WinReg.HKEY_LOCAL_MACHINE, "HKLM", "SYSTEM");
    }

    /** @return {@code HKLM\SOFTWARE} of the running Windows (the 64-bit view) */
    public static WindowsRegistryView software() {
        return of(WinReg.HKEY_LOCAL_MACHINE, "HKLM", "SOFTWARE");
    }

    /**
     * @param root     a predefined key (tests use a scratch key under {@link WinReg#HKEY_CURRENT_USER})
     * @param rootName its name for messages ({@code HKCU})
     * @param hive     the key below it that stands for the hive's root
     * @return a view of that key's subtree
     */
    public static WindowsRegistryView of(WinReg.HKEY root, String rootName, String hive) {
        return new WindowsRegistryView(new JnaAdvapi(root), rootName, hive);
    }

    /** @return where this view reads, e.g. {@code HKLM\SYSTEM} */
    public String location() {
        return hive.isEmpty() ? rootName : rootName + "\\" + hive;
    }

    @Override
    public boolean keyExists(String path) {
        long key = open(path);
        if (key == 0) {
            return false;
        }
        api.closeKey(key);
        return true;
    }

    @Override
    public List<String> subkeys(String path) {
        long key = open(path);
        if (key == 0) {
            return List.of();
        }
        try {
            return enumerate(key, path);
        } finally {
            api.closeKey(key);
        }
    }

    @Override
    public Optional<RegistryValue> value(String path, String name) {
        long key = open(path);
        if (key == 0) {
            return Optional.empty();
        }
        try {
            return read(key, path, name);
        } finally {
            api.closeKey(key);
        }
    }

    @Override
    public Optional<Instant> lastWritten(String path) {
        long key = open(path);
        if (key == 0) {
            return Optional.empty();
        }
        try {
            long[] ticks = new long[1];
            check(api.lastWriteTime(key, ticks), path, "query the last write time");
            return Optional.of(Instant.ofEpochSecond(Math.floorDiv(ticks[0], TICKS_PER_SECOND)
                    - EPOCH_1601_TO_1970_SECONDS, Math.floorMod(ticks[0], TICKS_PER_SECOND) * 100));
        } finally {
            api.closeKey(key);
        }
    }

    /** @return the open key, or 0 if it does not exist */
    private long open(String path) {
        long[] key = new long[1];
        int rc = api.openKey(full(path), key);
        if (rc == Advapi.ERROR_FILE_NOT_FOUND) {
            return 0;
        }
        if (rc == Advapi.ERROR_ACCESS_DENIED) {
            throw new UncheckedIOException(new RegistryAccessDeniedException(where(path)));
        }
        check(rc, path, "open the key");
        return key[0];
    }

    /** Index order; a key changed meanwhile may end the list early or repeat a name, as Win32 says. */
    private List<String> enumerate(long key, String path) {
        List<String> names = new ArrayList<>();
        char[] name = new char[FIRST_NAME_CHARS];
        for (int index = 0; ; ) {
            int[] length = {name.length};
            int rc = api.enumKey(key, index, name, length);
            if (rc == Advapi.ERROR_NO_MORE_ITEMS) {
                return names;
            }
            if (rc == Advapi.ERROR_MORE_DATA) {
                if (name.length >= MAX_NAME_CHARS) {
                    throw failure(path, "subkey #" + index + " has a name longer than " + MAX_NAME_CHARS
                            + " characters");
                }
                name = new char[Math.min(name.length * 2, MAX_NAME_CHARS)];
                continue;
            }
            check(rc, path, "list subkey #" + index);
            if (length[0] < 0 || length[0] > name.length) {
                throw failure(path, "subkey #" + index + ": name length " + length[0] + " outside the buffer of "
                        + name.length);
            }
            names.add(new String(name, 0, length[0]));
            if (++index >= MAX_SUBKEYS) {
                throw failure(path, "more than " + MAX_SUBKEYS + " subkeys");
            }
        }
    }

    private Optional<RegistryValue> read(long key, String path, String name) {
        byte[] buffer = new byte[FIRST_VALUE_BYTES];
        for (int attempt = 0; attempt < MAX_READS; attempt++) {
            int[] type = new int[1];
            int[] size = {buffer.length};
            int rc = api.queryValue(key, name, type, buffer, size);
            if (rc == Advapi.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            long reported = Integer.toUnsignedLong(size[0]);
            if (rc == Advapi.ERROR_MORE_DATA) {
                // the size needed; if it fits what we had, the value grew after the size was taken: double
                long needed = reported > buffer.length ? reported : 2L * buffer.length;
                if (needed > MAX_VALUE_BYTES) {
                    throw failure(path, "value " + quoted(name) + " is " + needed + " bytes, more than the "
                            + MAX_VALUE_BYTES + " read");
                }
                buffer = new byte[(int) needed];
                continue;
            }
            check(rc, path, "read value " + quoted(name));
            if (reported > buffer.length) {
                throw failure(path, "value " + quoted(name) + ": " + reported + " bytes reported in a buffer of "
                        + buffer.length);
            }
            return Optional.of(new RegistryValue(type[0], Arrays.copyOf(buffer, (int) reported)));
        }
        throw failure(path, "value " + quoted(name) + " kept growing: not read completely in " + MAX_READS + " reads");
    }

    private void check(int rc, String path, String what) {
        if (rc != Advapi.ERROR_SUCCESS) {
            throw failure(path, "cannot " + what + ": " + api.message(rc) + " (error " + rc + ")");
        }
    }

    private UncheckedIOException failure(String path, String message) {
        return new UncheckedIOException(new IOException(where(path) + ": " + message));
    }

    private String where(String path) {
        String relative = normalize(path);
        return relative.isEmpty() ? location() : location() + "\\" + relative;
    }

    private String full(String path) {
        String relative = normalize(path);
        return hive.isEmpty() ? relative : relative.isEmpty() ? hive : hive + "\\" + relative;
    }

    private static String quoted(String name) {
        return name.isEmpty() ? "(default)" : '"' + name + '"';
    }

    /** Empty parts dropped, as the offline hive reads paths: {@code \A\\B\} is {@code A\B}. */
    private static String normalize(String path) {
        return String.join("\\", Arrays.stream(path.split("\\\\")).filter(p -> !p.isEmpty()).toList());
    }
}
