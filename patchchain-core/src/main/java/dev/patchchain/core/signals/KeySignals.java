package dev.patchchain.core.signals;

import dev.patchchain.core.registry.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The indicators that are a key's or a value's presence (or a key with subkeys, a value not 0, a list not empty). */
final class KeySignals {

    private static final List<SignalCode> KEY_PRESENCE = List.of(SignalCode.CBS_REBOOT_PENDING,
            SignalCode.CBS_REBOOT_IN_PROGRESS, SignalCode.CBS_PACKAGES_PENDING, SignalCode.WU_REBOOT_REQUIRED,
            SignalCode.WU_POST_REBOOT_REPORTING, SignalCode.SERVER_MANAGER_REBOOT_ATTEMPTS,
            SignalCode.INSTALLER_IN_PROGRESS, SignalCode.CONFIGMGR_REBOOT_DATA);
    private static final List<SignalCode> SUBKEY_PRESENCE = List.of(SignalCode.WU_SERVICES_PENDING,
            SignalCode.CONFIGMGR_UPDATES_REBOOT_STATUS);
    static final String UPDATE_EXE_VOLATILE = "UpdateExeVolatile";
    static final String DVD_REBOOT_SIGNAL = "DVDRebootSignal";
    static final String SETUP_EXECUTE = "SetupExecute";
    static final List<String> NETLOGON_VALUES = List.of("JoinDomain", "AvoidSpnSet");

    private KeySignals() {
    }

    static List<RebootSignal> software(SignalContext c) {
        List<RebootSignal> out = new ArrayList<>();
        for (SignalCode code : KEY_PRESENCE) {
            if (c.keyExists(code)) {
                out.add(c.signal(code, c.source(code), "the key exists"));
            }
        }
        for (SignalCode code : SUBKEY_PRESENCE) {
            List<String> subkeys = c.registry().software().subkeys(c.path(code));
            if (!subkeys.isEmpty()) {
                out.add(c.signal(code, c.source(code), "subkeys " + subkeys));
            }
        }
        c.value(SignalCode.UPDATE_EXE_VOLATILE, UPDATE_EXE_VOLATILE)
                .filter(v -> v.dword().map(d -> d != 0).orElse(true))
                .ifPresent(v -> out.add(c.signal(SignalCode.UPDATE_EXE_VOLATILE,
                        c.source(SignalCode.UPDATE_EXE_VOLATILE, UPDATE_EXE_VOLATILE),
                        UPDATE_EXE_VOLATILE + " = " + v.display())));
        c.value(SignalCode.DVD_REBOOT_SIGNAL, DVD_REBOOT_SIGNAL)
                .ifPresent(v -> out.add(c.signal(SignalCode.DVD_REBOOT_SIGNAL,
                        c.source(SignalCode.DVD_REBOOT_SIGNAL, DVD_REBOOT_SIGNAL),
                        DVD_REBOOT_SIGNAL + " = " + v.display())));
        return out;
    }

    static Optional<RebootSignal> setupExecute(SignalContext c) {
        return c.value(SignalCode.SETUP_EXECUTE, SETUP_EXECUTE)
                .map(RegistryValue::strings)
                .map(list -> list.stream().filter(s -> !s.isBlank()).toList())
                .filter(list -> !list.isEmpty())
                .map(list -> c.signal(SignalCode.SETUP_EXECUTE, c.source(SignalCode.SETUP_EXECUTE, SETUP_EXECUTE),
                        SETUP_EXECUTE + " = " + list));
    }

    static Optional<RebootSignal> domainJoin(SignalContext c) {
        List<String> present = NETLOGON_VALUES.stream()
                .filter(name -> c.value(SignalCode.DOMAIN_JOIN, name).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(c.signal(SignalCode.DOMAIN_JOIN, c.source(SignalCode.DOMAIN_JOIN),
                String.join(" and ", present) + (present.size() == 1 ? " is" : " are") + " present"));
    }
}
