/**
 * A mounted Windows image as a volume: {@link dev.patchchain.platform.image.ImageVolume} maps Windows paths into a
 * directory case-insensitively and never leaves it.
 */
package dev.patchchain.platform.image;
