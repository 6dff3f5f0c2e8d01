package dev.patchchain.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of one registry hive, as much of it as the reboot signals and the registry inventories need.
 * Paths are relative to the hive's root, {@code \}-separated, and case-insensitive
 * ({@code Microsoft\Windows\CurrentVersion} in a SOFTWARE hive). The formats module implements it over an offline
 * hive file; tests implement it over a map.
 *
 * <pre>{@code
 * if (software.keyExists("Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending")) { ... }
 * software.value("Microsoft\\Updates", "UpdateExeVolatile").flatMap(RegistryValue::dword);
 * }</pre>
 */
public interface RegistryView {

    /**
     * @param path a key path below the root
     * @return true if the key exists
     */
    boolean keyExists(String path);

    /**
     * @param path a key path below the root
     * @return the names of its subkeys in hive order; empty if the key does not exist
     */
    List<String> subkeys(String path);

    /**
     * @param path a key path below the root
     * @param name the value's name, {@code ""} for the default value
     * @return the value, if the key and the value exist
     */
    Optional<RegistryValue> value(String path, String name);

    /**
     * @param path a key path below the root
     * @return the key's last-write time, if the key exists
     */
    Optional<Instant> lastWritten(String path);
}
