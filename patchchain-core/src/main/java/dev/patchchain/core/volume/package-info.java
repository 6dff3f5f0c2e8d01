/**
 * The file system as the boot-time queue sees it: {@link dev.patchchain.core.volume.VolumeState}, its
 * in-memory implementation {@link dev.patchchain.core.volume.InMemoryVolume}, and what a path holds
 * ({@link dev.patchchain.core.volume.PathState}, {@link dev.patchchain.core.volume.FileFacts}).
 */
package dev.patchchain.core.volume;
