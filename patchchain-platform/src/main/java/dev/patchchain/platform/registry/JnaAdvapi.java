package dev.patchchain.platform.registry;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Objects;

/** {@link Advapi} over the real {@code advapi32.dll} through JNA, always in the 64-bit registry view. */
final class JnaAdvapi implements Advapi {

    private final WinReg.HKEY root;

    /** @param root the predefined key paths are below ({@link WinReg#HKEY_LOCAL_MACHINE}) */
    JnaAdvapi(WinReg.HKEY root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public int openKey(String path, long[] key) {
        WinReg.HKEYByReference opened = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root, path, 0, WinNT.KEY_READ | WinNT.KEY_WOW64_64KEY, opened);
        if (rc == ERROR_SUCCESS) {
            key[0] = Pointer.nativeValue(opened.getValue().getPointer());
        }
        return rc;
    }

    @Override
    public int enumKey(long key, int index, char[] name, int[] length) {
        IntByReference size = new IntByReference(length[0]);
        int rc = Advapi32.INSTANCE.RegEnumKeyEx(hkey(key), index, name, size, null, null, null, null);
        length[0] = size.getValue();
        return rc;
    }

    @Override
    public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
        IntByReference typeRef = new IntByReference();
        IntByReference sizeRef = new IntByReference(size[0]);
        int rc = Advapi32.INSTANCE.RegQueryValueEx(hkey(key), name, 0, typeRef, data, sizeRef);
        type[0] = typeRef.getValue();
        size[0] = sizeRef.getValue();
        return rc;
    }

    @Override
    public int lastWriteTime(long key, long[] fileTime) {
        WinBase.FILETIME time = new WinBase.FILETIME();
        IntByReference unused = new IntByReference();
        int rc = Advapi32.INSTANCE.RegQueryInfoKey(hkey(key), null, null, null, unused, unused, unused, unused,
                unused, unused, unused, time);
        fileTime[0] = (long) time.dwHighDateTime << 32 | time.dwLowDateTime & 0xFFFF_FFFFL;
        return rc;
    }

    @Override
    public void closeKey(long key) {
        Advapi32.INSTANCE.RegCloseKey(hkey(key));
    }

    @Override
    public String message(int status) {
        try {
            return Kernel32Util.formatMessageFromLastErrorCode(status);
        } catch (RuntimeException noText) {
            return "Windows error " + status; // a code the system has no message text for
        }
    }

    private static WinReg.HKEY hkey(long key) {
        return new WinReg.HKEY(new Pointer(key));
    }
}
