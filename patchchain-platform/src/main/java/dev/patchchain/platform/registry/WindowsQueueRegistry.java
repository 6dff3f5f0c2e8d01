package dev.patchchain.platform.registry;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueState;
import dev.patchchain.core.registry.QueueValues;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The live registry of the running Windows, through JNA: {@code RegQueryValueEx} for the exact bytes,
 * {@code RegQueryInfoKey} for the key's last write time, {@code RegSetValueEx} and {@code RegDeleteValue} to write,
 * always in the 64-bit view ({@code KEY_WOW64_64KEY}). Compiles everywhere; only runs on Windows.
 *
 * <pre>{@code
 * QueueRegistry live = WindowsQueueRegistry.sessionManager();   // checks administrator rights first
 * }</pre>
 *
 * <p>The compare-and-swap reads both values through the handle it writes with and writes only if they are
 * unchanged; each {@code RegSetValueEx} replaces a value atomically. The registry offers no lock for a
 * read-compare-write, so a writer landing between the re-read and the write (microseconds) is caught only by the
 * verification that follows. A missing right is found when the key is opened for writing, before any write.
 */
public final class WindowsQueueRegistry implements QueueRegistry {

    /** The queue's key below {@code HKEY_LOCAL_MACHINE}. */
    public static final String SESSION_MANAGER = "SYSTEM\\CurrentControlSet\\Control\\Session Manager";

    private final WinReg.HKEY root;
    private final String rootName;
    private final String keyPath;

    /**
     * @param root     the predefined key ({@link WinReg#HKEY_LOCAL_MACHINE}; tests use a scratch key under
     *                 {@link WinReg#HKEY_CURRENT_USER})
     * @param rootName its name for messages ({@code HKLM})
     * @param keyPath  the key below it, which must exist
     */
    public WindowsQueueRegistry(WinReg.HKEY root, String rootName, String keyPath) {
        this.root = Objects.requireNonNull(root, "root");
        this.rootName = Objects.requireNonNull(rootName, "rootName");
        this.keyPath = Objects.requireNonNull(keyPath, "keyPath");
    }

    /** @return true when running on Windows, where the live registry exists */
    public static boolean available() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * @return the queue of the running system, after checking that this process is elevated
     * @throws NotAdministratorException if it is not
     */
    public static WindowsQueueRegistry sessionManager() throws NotAdministratorException {
        if (!Advapi32Util.isCurrentProcessElevated()) {
            throw new NotAdministratorException("--live writes HKLM\\" + SESSION_MANAGER + " and needs administrator "
                    + "rights: run patchchain from an elevated prompt (Run as administrator); nothing was written");
        }
        return new WindowsQueueRegistry(WinReg.HKEY_LOCAL_MACHINE, "HKLM", SESSION_MANAGER);
    }

    @Override
    public String location() {
        return rootName + "\\" + keyPath;
    }

    @Override
    public QueueState read() throws IOException {
        WinReg.HKEY key = open(WinNT.KEY_READ);
        try {
            return new QueueState(values(key), lastWritten(key));
        } finally {
            Advapi32.INSTANCE.RegCloseKey(key);
        }
    }

    @Override
    public void compareAndSwap(QueueValues expected, QueueValues next) throws IOException {
        WinReg.HKEY key = open(WinNT.KEY_READ | WinNT.KEY_SET_VALUE);
        try {
            QueueValues actual = values(key);
            if (!actual.equals(expected)) {
                throw new ConcurrentChangeException(location(), expected, actual);
            }
            for (QueueValueName name : QueueValueName.values()) {
                if (!expected.sameValue(name, next)) {
                    write(key, name, next.get(name).orElse(null));
                }
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(key);
        }
    }

    private WinReg.HKEY open(int access) throws IOException {
        WinReg.HKEYByReference key = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root, keyPath, 0, access | WinNT.KEY_WOW64_64KEY, key);
        if (rc == W32Errors.ERROR_ACCESS_DENIED) {
            throw new NotAdministratorException(location() + ": access denied; run patchchain from an elevated "
                    + "prompt (Run as administrator); nothing was written");
        }
        check(rc, "open");
        return key.getValue();
    }

    private QueueValues values(WinReg.HKEY key) throws IOException {
        return QueueValues.of(value(key, QueueValueName.PENDING_FILE_RENAME_OPERATIONS),
                value(key, QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2));
    }

    /** Sizes the buffer, then reads; a value that grew in between is read again. */
    private byte[] value(WinReg.HKEY key, QueueValueName name) throws IOException {
        while (true) {
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            int rc = Advapi32.INSTANCE.RegQueryValueEx(key, name.registryName(), 0, type, (byte[]) null, size);
            if (rc == W32Errors.ERROR_FILE_NOT_FOUND) {
                return null;
            }
            check(rc, "read " + name.registryName());
            if (type.getValue() != WinNT.REG_MULTI_SZ) {
                throw new IOException(location() + "\\" + name.registryName() + ": type " + type.getValue()
                        + ", expected REG_MULTI_SZ (7)");
            }
            if (size.getValue() == 0) {
                return new byte[0];
            }
            byte[] data = new byte[size.getValue()];
            IntByReference read = new IntByReference(data.length);
            rc = Advapi32.INSTANCE.RegQueryValueEx(key, name.registryName(), 0, type, data, read);
            if (rc == W32Errors.ERROR_MORE_DATA) {
                continue;
            }
            check(rc, "read " + name.registryName());
            return read.getValue() == data.length ? data : Arrays.copyOf(data, read.getValue());
        }
    }

    private Instant lastWritten(WinReg.HKEY key) throws IOException {
        WinBase.FILETIME time = new WinBase.FILETIME();
        IntByReference unused = new IntByReference();
        int rc = Advapi32.INSTANCE.RegQueryInfoKey(key, null, null, null, unused, unused, unused, unused, unused,
                unused, unused, time);
        check(rc, "query the last write time");
        return time.toDate().toInstant();
    }

    private void write(WinReg.HKEY key, QueueValueName name, byte[] data) throws IOException {
        if (data == null) {
            int rc = Advapi32.INSTANCE.RegDeleteValue(key, name.registryName());
            if (rc != W32Errors.ERROR_FILE_NOT_FOUND) {
                check(rc, "delete " + name.registryName());
            }
            return;
        }
        check(Advapi32.INSTANCE.RegSetValueEx(key, name.registryName(), 0, WinNT.REG_MULTI_SZ, data, data.length),
                "write " + name.registryName());
    }

    private void check(int rc, String what) throws IOException {
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new IOException(location() + ": cannot " + what + ": " + Kernel32Util.formatMessageFromLastErrorCode(rc));
        }
    }
}
