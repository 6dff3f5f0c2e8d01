/** The fleet view: snapshots of machines, the store they go into, reports and the ingest server. */
package dev.patchchain.fleet;
