/** The contract suite every volume implementation passes: {@link dev.patchchain.testing.volume.VolumeStateContract}. */
package dev.patchchain.testing.volume;
