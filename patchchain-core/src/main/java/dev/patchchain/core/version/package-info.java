/**
 * Windows file versions: {@link dev.patchchain.core.version.FileVersion}, the fixed four-part version that
 * decides which of two files is newer.
 */
package dev.patchchain.core.version;
