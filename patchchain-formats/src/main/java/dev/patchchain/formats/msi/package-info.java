/**
 * Windows Installer databases ({@code .msi}; {@code docs/formats/msi.md}): the compound file through Apache POI,
 * then our own decoding of the stream names, the string pool, the table catalog and the tables.
 *
 * <p>Entry points: {@link dev.patchchain.formats.msi.MsiDatabase} (any table, as rows) and
 * {@link dev.patchchain.formats.msi.MsiPackageReader} (an {@code .msi} as a core
 * {@link dev.patchchain.core.plan.UpdatePackage}: target paths, file versions, registry writes).
 */
package dev.patchchain.formats.msi;
