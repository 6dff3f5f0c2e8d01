package dev.patchchain.core.signals;

import dev.patchchain.core.registry.RegistryValue;
import java.util.Optional;

/** The hives and the control set the checks read, and how they name what they read. */
record SignalContext(MachineRegistry registry, String controlSet) {

    /** @return the code's key relative to its hive's root (SYSTEM keys inside the control set) */
    String path(SignalCode code) {
        return path(code.hive(), code.key());
    }

    String path(Hive hive, String key) {
        return hive == Hive.SYSTEM ? controlSet + '\\' + key : key;
    }

    boolean keyExists(SignalCode code) {
        return registry.view(code.hive()).keyExists(path(code));
    }

    Optional<RegistryValue> value(SignalCode code, String name) {
        return registry.view(code.hive()).value(path(code), name);
    }

    /** @return {@code SOFTWARE\Microsoft\Updates} or {@code SYSTEM\ControlSet001\Services\Netlogon} */
    String source(SignalCode code) {
        return code.hive() + "\\" + path(code);
    }

    /** @return the key and a value in it: {@code SOFTWARE\Microsoft\Updates, value UpdateExeVolatile} */
    String source(SignalCode code, String value) {
        return source(code) + ", value " + value;
    }

    RebootSignal signal(SignalCode code, String source, String evidence) {
        return new RebootSignal(code, source, evidence, code.kind());
    }
}
