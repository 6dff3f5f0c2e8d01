package dev.patchchain.platform.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.testing.registry.QueueRegistryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The live adapter passes the registry contract, on a scratch key under {@code HKCU} (never the real queue). Runs
 * only on Windows with {@code mvn -B verify -Pwindows}; elsewhere each test is skipped with the reason.
 */
class WindowsQueueRegistryContractTest extends QueueRegistryContract {

    private static final String SCRATCH = "Software\\patchchain-test\\Session Manager";
    private static final String SKIPPED =
            "live registry contract skipped: needs Windows and `mvn -B verify -Pwindows` (docs/apply.md#live-mode)";

    /** Surefire does not print why a test was skipped; the build log should say it. */
    @BeforeAll
    static void sayWhySkipped() {
        if (!live()) {
            System.out.println("WindowsQueueRegistryContractTest: " + SKIPPED);
        }
    }

    private static boolean live() {
        return WindowsQueueRegistry.available() && Boolean.getBoolean("patchchain.windows");
    }

    @Override
    protected QueueRegistry create(QueueValues initial) throws Exception {
        assumeTrue(live(), SKIPPED);
        Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, SCRATCH, WinNT.KEY_WOW64_64KEY);
        WindowsQueueRegistry registry = new WindowsQueueRegistry(WinReg.HKEY_CURRENT_USER, "HKCU", SCRATCH);
        registry.compareAndSwap(registry.read().values(), initial);
        return registry;
    }

    @AfterEach
    void removeScratchKey() {
        if (live()) {
            for (QueueValueName name : QueueValueName.values()) {
                if (Advapi32Util.registryValueExists(WinReg.HKEY_CURRENT_USER, SCRATCH, name.registryName(),
                        WinNT.KEY_WOW64_64KEY)) {
                    Advapi32Util.registryDeleteValue(WinReg.HKEY_CURRENT_USER, SCRATCH, name.registryName(),
                            WinNT.KEY_WOW64_64KEY);
                }
            }
        }
    }
}
