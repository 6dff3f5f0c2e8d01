/**
 * The snapshot of one machine (schema version 1, docs/formats/snapshot.md): who the machine is, when it was
 * scanned, its pending rename queue and the findings on it. {@link dev.patchchain.fleet.snapshot.SnapshotFormat}
 * reads (strictly) and writes it.
 */
package dev.patchchain.fleet.snapshot;
