/**
 * The agent side of {@code patchchain scan --post}: {@link dev.patchchain.fleet.agent.SnapshotAgent} spools every
 * snapshot to disk first, then sends the spool oldest first with retries and backoff, so nothing is lost while the
 * server is unreachable.
 */
package dev.patchchain.fleet.agent;
