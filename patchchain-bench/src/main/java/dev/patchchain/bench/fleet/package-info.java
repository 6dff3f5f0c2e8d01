/**
 * Timed runs of the fleet store ({@link dev.patchchain.bench.fleet.FleetScaleRun}): ingest rate into SQLite and
 * PostgreSQL and the report over many machines. Figures go to docs/scaling.md.
 */
package dev.patchchain.bench.fleet;
