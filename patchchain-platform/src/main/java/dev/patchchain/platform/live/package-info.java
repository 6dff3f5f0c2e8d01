/**
 * The running Windows, read-only, for the commands that read a machine ({@code signals}, {@code verify},
 * {@code scan}, {@code plan} with {@code --live}): {@link dev.patchchain.platform.live.LiveWindows} gives its
 * {@code HKLM\SYSTEM} and {@code HKLM\SOFTWARE} as registry views and its system drive as a volume.
 */
package dev.patchchain.platform.live;
