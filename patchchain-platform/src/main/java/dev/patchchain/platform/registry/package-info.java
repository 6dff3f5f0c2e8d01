/**
 * The registry, for real: {@link dev.patchchain.platform.registry.HiveQueueRegistry} (an offline SYSTEM hive) and
 * {@link dev.patchchain.platform.registry.WindowsQueueRegistry} (the live registry) hold the queue, and the one write
 * sequence over any of them is {@link dev.patchchain.platform.registry.SafeQueueWrite}: read, edit, backup,
 * compare-and-swap, verify, audit (see {@code docs/apply.md}). For reading,
 * {@link dev.patchchain.platform.registry.WindowsRegistryView} is the core's {@code RegistryView} over
 * {@code HKLM\SYSTEM} or {@code HKLM\SOFTWARE} of the running Windows (the offline one is the formats module's
 * {@code RegfRegistryView}).
 */
package dev.patchchain.platform.registry;
