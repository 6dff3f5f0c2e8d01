/**
 * Windows NT registry hive files ({@code regf}): {@link dev.patchchain.formats.regf.RegfHive} opens one read-only
 * (memory-mapped, transaction logs replayed in memory when the hive is dirty) and hands out
 * {@link dev.patchchain.formats.regf.RegfKey}s and {@link dev.patchchain.formats.regf.RegfValue}s;
 * {@link dev.patchchain.formats.regf.SystemHiveQueue} reads the pending file rename queue of a SYSTEM hive's
 * control sets; {@link dev.patchchain.formats.regf.RegfExport} turns a subtree into a {@code .reg} model.
 * The format is described in {@code docs/formats/regf.md}.
 */
package dev.patchchain.formats.regf;
