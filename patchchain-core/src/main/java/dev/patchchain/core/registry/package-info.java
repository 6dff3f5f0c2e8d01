/**
 * What the core reads of a registry hive: {@link dev.patchchain.core.registry.RegistryView} (keys, subkeys,
 * values, last-write times) and {@link dev.patchchain.core.registry.RegistryValue}. The reboot signals and the
 * registry update inventories are computed over it; the formats module implements it over hive files.
 */
package dev.patchchain.core.registry;
