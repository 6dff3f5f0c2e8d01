/**
 * Test-side writers of Windows Installer transforms ({@code .mst}) and patch packages ({@code .msp}), independent of
 * the reader in {@code dev.patchchain.formats.msi}: {@link dev.patchchain.testing.msi.TransformBuilder} writes the
 * row changes of named tables, {@link dev.patchchain.testing.msi.PatchBuilder} puts transforms and a cabinet into a
 * patch package. The column schema comes from the target database through {@code msiinfo export}
 * ({@link dev.patchchain.testing.msi.MsiInfo}). Wine's {@code msi.dll} is the oracle that proves what they write
 * (docs/testing.md, "The MSI transform and patch oracle").
 */
package dev.patchchain.testing.msi;
