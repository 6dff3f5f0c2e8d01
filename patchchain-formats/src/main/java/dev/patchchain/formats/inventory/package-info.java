/**
 * Installed-update lists captured on Windows: {@code systeminfo}, {@code wmic qfe} (table, CSV, list) and
 * {@code Get-HotFix} (table, list), plus wesng's {@code KB<n>: title} lists, in whatever encoding the console
 * wrote them. The one entry point is {@link dev.patchchain.formats.inventory.InstalledUpdatesReader}, which detects
 * the kind of capture and returns a {@link dev.patchchain.core.verify.HotfixInventory}.
 */
package dev.patchchain.formats.inventory;
