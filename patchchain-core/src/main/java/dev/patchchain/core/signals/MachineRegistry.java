package dev.patchchain.core.signals;

import dev.patchchain.core.registry.RegistryView;
import java.util.Objects;

/**
 * The two hives of one machine that hold the reboot signals.
 *
 * <pre>{@code
 * new MachineRegistry(new RegfRegistryView(system), new RegfRegistryView(software));
 * }</pre>
 *
 * @param system   {@code HKLM\SYSTEM}
 * @param software {@code HKLM\SOFTWARE}
 */
public record MachineRegistry(RegistryView system, RegistryView software) {

    /** Checks the components. */
    public MachineRegistry {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(software, "software");
    }

    /**
     * @param hive which one
     * @return its view
     */
    public RegistryView view(Hive hive) {
        return hive == Hive.SYSTEM ? system : software;
    }
}
