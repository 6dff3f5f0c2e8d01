package dev.patchchain.cli.machine;

import dev.patchchain.core.registry.RegistryView;
import java.util.Objects;

/**
 * One hive of a machine and what to call it in reports.
 *
 * @param name where it was read, e.g. {@code /img/Windows/System32/config/SYSTEM} or {@code HKLM\SYSTEM}
 * @param view the hive
 */
public record MachineHive(String name, RegistryView view) {

    /** Checks the components. */
    public MachineHive {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(view, "view");
    }
}
