/**
 * The Wine oracle's scenarios: {@link dev.patchchain.testing.wine.WineScenarioGenerator} writes scripts of real
 * file-system calls ({@link dev.patchchain.testing.wine.HelperStep}) that the Windows helper {@code pfro_helper.exe}
 * executes under Wine; {@link dev.patchchain.testing.wine.WinePrefix} runs Wine, and
 * {@link dev.patchchain.testing.wine.DriveTree} reads the resulting files back as a volume.
 */
package dev.patchchain.testing.wine;
