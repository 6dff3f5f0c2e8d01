/**
 * The registry that holds the queue, for real: {@link dev.patchchain.platform.registry.HiveQueueRegistry} (an
 * offline SYSTEM hive) and {@link dev.patchchain.platform.registry.WindowsQueueRegistry} (the live registry), and
 * the one write sequence over any of them, {@link dev.patchchain.platform.registry.SafeQueueWrite}: read, edit,
 * backup, compare-and-swap, verify, audit. See {@code docs/apply.md}.
 */
package dev.patchchain.platform.registry;
