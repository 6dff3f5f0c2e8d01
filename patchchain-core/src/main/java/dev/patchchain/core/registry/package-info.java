/**
 * The registry as the core sees it. Reading: {@link dev.patchchain.core.registry.RegistryView} (keys, subkeys,
 * values, last-write times) and {@link dev.patchchain.core.registry.RegistryValue}, over which the reboot signals
 * and the registry update inventories are computed (the formats module implements it over hive files). Writing
 * the pending queue: {@link dev.patchchain.core.registry.QueueRegistry} reads both queue values and replaces them
 * only if they still hold what was read; {@link dev.patchchain.core.registry.InMemoryQueueRegistry} is the fake the
 * write sequence is tested on, the offline hive and live Windows adapters live in {@code patchchain-platform}. See
 * {@code docs/apply.md}.
 */
package dev.patchchain.core.registry;
