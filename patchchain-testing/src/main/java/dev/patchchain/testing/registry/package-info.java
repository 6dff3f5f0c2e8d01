/**
 * The contract every {@link dev.patchchain.core.registry.QueueRegistry} passes: {@link
 * dev.patchchain.testing.registry.QueueRegistryContract}, run against the in-memory fake, the offline hive adapter
 * and, on Windows, the live registry.
 */
package dev.patchchain.testing.registry;
