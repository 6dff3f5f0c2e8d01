/**
 * The registry that holds the pending queue, as a small compare-and-swap contract: {@link
 * dev.patchchain.core.registry.QueueRegistry} reads both queue values and replaces them only if they still hold what
 * was read. {@link dev.patchchain.core.registry.InMemoryQueueRegistry} is the fake the write sequence is tested on;
 * the offline hive and live Windows adapters live in {@code patchchain-platform}. See {@code docs/apply.md}.
 */
package dev.patchchain.core.registry;
