/**
 * Winbindex's per-file index ({@code data/by_filename_compressed/<name>.json.gz}) as an update catalog: the one
 * entry point is {@link dev.patchchain.formats.winbindex.WinbindexImporter}.
 */
package dev.patchchain.formats.winbindex;
