package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.signals.Hive;
import java.util.Locale;
import java.util.Optional;

/**
 * A registry key of the machine hives, located: which hive and the path below its root, with
 * {@code CurrentControlSet} resolved to the control set the machine state was read from. Keys of other roots
 * ({@code HKCU}, {@code HKU}, {@code HKCR}) have no location: the planner does not read them.
 *
 * @param hive the hive
 * @param path the path below its root, e.g. {@code Microsoft\Windows\CurrentVersion\RunOnce}
 */
record MachineKey(Hive hive, String path) {

    private static final String[] MACHINE_ROOTS = {"HKLM\\", "HKEY_LOCAL_MACHINE\\", "\\REGISTRY\\MACHINE\\"};
    private static final String CURRENT_CONTROL_SET = "CURRENTCONTROLSET";

    /**
     * @param key        a key as manifests or {@code pending.xml} write it
     * @param controlSet {@code ControlSet001}, or {@code ""} when unknown
     * @return where it is, if it is below {@code HKLM\SYSTEM} or {@code HKLM\SOFTWARE} (and, for
     *         {@code CurrentControlSet}, the control set is known)
     */
    static Optional<MachineKey> locate(String key, String controlSet) {
        String upper = WinPath.upcase(key);
        for (String root : MACHINE_ROOTS) {
            if (upper.startsWith(root)) {
                return below(key.substring(root.length()), controlSet);
            }
        }
        return Optional.empty();
    }

    private static Optional<MachineKey> below(String rest, String controlSet) {
        int slash = rest.indexOf('\\');
        String first = (slash < 0 ? rest : rest.substring(0, slash)).toUpperCase(Locale.ROOT);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (first.equals("SOFTWARE")) {
            return Optional.of(new MachineKey(Hive.SOFTWARE, path));
        }
        if (!first.equals("SYSTEM")) {
            return Optional.empty();
        }
        int next = path.indexOf('\\');
        String set = next < 0 ? path : path.substring(0, next);
        if (set.toUpperCase(Locale.ROOT).equals(CURRENT_CONTROL_SET)) {
            if (controlSet.isEmpty()) {
                return Optional.empty(); // no Select\Current: which control set it is cannot be known
            }
            path = controlSet + (next < 0 ? "" : path.substring(next));
        }
        return Optional.of(new MachineKey(Hive.SYSTEM, path));
    }

    /** @return the same key compared without regard to case */
    MachineKey canonical() {
        return new MachineKey(hive, WinPath.upcase(path));
    }
}
