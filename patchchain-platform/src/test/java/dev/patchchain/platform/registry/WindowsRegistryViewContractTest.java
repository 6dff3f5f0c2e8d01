package dev.patchchain.platform.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.testing.registry.RegistryViewContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The live view passes the registry view contract on the real Advapi32, on a scratch key under {@code HKCU} (never
 * HKLM). Runs only on Windows with {@code mvn -B verify -Pwindows}; elsewhere it is skipped, and says why.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "the live registry exists only on Windows")
class WindowsRegistryViewContractTest extends RegistryViewContract {

    private static final String SCRATCH = "Software\\patchchain-test\\RegistryView";
    private static final String SKIPPED =
            "live registry view contract skipped: needs Windows and `mvn -B verify -Pwindows` (docs/apply.md#live-mode)";

    /** On Windows without the profile: Surefire does not print why a test was skipped; the build log should. */
    @BeforeAll
    static void sayWhySkipped() {
        if (!live()) {
            System.out.println("WindowsRegistryViewContractTest: " + SKIPPED);
        }
    }

    private static boolean live() {
        return WindowsQueueRegistry.available() && Boolean.getBoolean("patchchain.windows");
    }

    @Override
    protected RegistryView create(List<Entry> tree) {
        assumeTrue(live(), SKIPPED);
        Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, SCRATCH, WinNT.KEY_WOW64_64KEY);
        for (Entry e : tree) {
            String key = SCRATCH + "\\" + e.key();
            Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, key, WinNT.KEY_WOW64_64KEY);
            if (e.name() != null) {
                setRaw(key, e);
            }
        }
        return WindowsRegistryView.of(WinReg.HKEY_CURRENT_USER, "HKCU", SCRATCH);
    }

    /** Any type and any bytes, as the hive holds them: {@code Advapi32Util}'s typed setters cannot do that. */
    private static void setRaw(String key, Entry e) {
        WinReg.HKEY handle = Advapi32Util.registryGetKey(WinReg.HKEY_CURRENT_USER, key,
                WinNT.KEY_SET_VALUE | WinNT.KEY_WOW64_64KEY).getValue();
        try {
            int rc = Advapi32.INSTANCE.RegSetValueEx(handle, e.name(), 0, e.type(), e.data(), e.data().length);
            if (rc != W32Errors.ERROR_SUCCESS) {
                throw new IllegalStateException("RegSetValueEx " + key + " " + e.name() + ": " + rc);
            }
        } finally {
            Advapi32Util.registryCloseKey(handle);
        }
    }

    @AfterEach
    void removeScratchKey() {
        if (live() && Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, SCRATCH, WinNT.KEY_WOW64_64KEY)) {
            deleteTree(SCRATCH);
        }
    }

    private static void deleteTree(String key) {
        for (String child : Advapi32Util.registryGetKeys(WinReg.HKEY_CURRENT_USER, key, WinNT.KEY_WOW64_64KEY)) {
            deleteTree(key + "\\" + child);
        }
        int slash = key.lastIndexOf('\\');
        Advapi32Util.registryDeleteKey(WinReg.HKEY_CURRENT_USER, key.substring(0, slash), key.substring(slash + 1),
                WinNT.KEY_WOW64_64KEY);
    }
}
