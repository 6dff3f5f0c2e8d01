/**
 * Qfecheck for the pending queue: {@link dev.patchchain.core.verify.Verifier} checks the files that installed
 * updates ({@link dev.patchchain.core.verify.HotfixInventory}) should have put on disk, as an
 * {@link dev.patchchain.core.verify.UpdateCatalog} lists them, against the volume now and against the volume after
 * the pending queue has run at the next boot. The catalog comes from files, from the registry
 * ({@link dev.patchchain.core.verify.RegistryInventory}) or from an image's own component store
 * ({@link dev.patchchain.core.verify.ServicingCatalog}: {@code servicing\Packages} and {@code WinSxS}).
 */
package dev.patchchain.core.verify;
