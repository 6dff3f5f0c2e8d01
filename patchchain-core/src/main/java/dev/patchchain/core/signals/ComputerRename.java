package dev.patchchain.core.signals;

import dev.patchchain.core.registry.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rename waiting for the reboot: the NetBIOS name ({@code ActiveComputerName} vs {@code ComputerName}) or the DNS
 * host name (Tcpip {@code Hostname} vs {@code NV Hostname}) differs. {@code ActiveComputerName} is volatile, so an
 * offline hive has only the Tcpip pair to compare; a pair with a side missing is not compared.
 */
final class ComputerRename {

    static final String ACTIVE = "Control\\ComputerName\\ActiveComputerName";
    static final String CONFIGURED = "Control\\ComputerName\\ComputerName";
    static final String NAME = "ComputerName";
    static final String TCPIP = "Services\\Tcpip\\Parameters";
    static final String HOSTNAME = "Hostname";
    static final String NV_HOSTNAME = "NV Hostname";

    private ComputerRename() {
    }

    static Optional<RebootSignal> check(SignalContext c) {
        List<String> differences = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        compare(c, ACTIVE, NAME, CONFIGURED, NAME, "ComputerName", differences, sources);
        compare(c, TCPIP, HOSTNAME, TCPIP, NV_HOSTNAME, "host name", differences, sources);
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(c.signal(SignalCode.COMPUTER_RENAME, String.join("; ", sources),
                String.join("; ", differences)));
    }

    private static void compare(SignalContext c, String nowKey, String nowValue, String nextKey, String nextValue,
                                String what, List<String> differences, List<String> sources) {
        Optional<String> now = string(c, nowKey, nowValue);
        Optional<String> next = string(c, nextKey, nextValue);
        if (now.isEmpty() || next.isEmpty()
                || now.get().toUpperCase(Locale.ROOT).equals(next.get().toUpperCase(Locale.ROOT))) {
            return;
        }
        differences.add(what + " " + now.get() + " becomes " + next.get());
        sources.add("SYSTEM\\" + c.path(Hive.SYSTEM, nowKey) + " " + nowValue + " vs SYSTEM\\"
                + c.path(Hive.SYSTEM, nextKey) + " " + nextValue);
    }

    private static Optional<String> string(SignalContext c, String key, String value) {
        return c.registry().system().value(c.path(Hive.SYSTEM, key), value).map(RegistryValue::string);
    }
}
