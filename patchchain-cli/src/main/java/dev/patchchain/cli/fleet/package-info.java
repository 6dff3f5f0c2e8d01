/**
 * The fleet commands: {@code scan} (one machine to a snapshot, optionally posted), {@code ingest} (snapshots into the
 * store), {@code report} (HTML, CSV, JSON) and {@code serve} (the ingest server and dashboard). Thin: options in, the
 * {@code patchchain-fleet} library does the work.
 */
package dev.patchchain.cli.fleet;
