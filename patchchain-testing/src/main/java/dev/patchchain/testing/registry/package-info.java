/**
 * The registry contracts: {@link dev.patchchain.testing.registry.QueueRegistryContract}, which every
 * {@link dev.patchchain.core.registry.QueueRegistry} passes (the in-memory fake, the offline hive adapter and, on
 * Windows, the live registry), and {@link dev.patchchain.testing.registry.RegistryViewContract}, which every read-only
 * {@link dev.patchchain.core.registry.RegistryView} passes (the offline hive, the live view over a fake Advapi32 and,
 * on Windows, over the real one).
 */
package dev.patchchain.testing.registry;
