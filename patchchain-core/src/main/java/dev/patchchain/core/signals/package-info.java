/**
 * Why a reboot is pending: {@link dev.patchchain.core.signals.RebootSignals} reads every known indicator
 * ({@link dev.patchchain.core.signals.SignalCode}) from a machine's SYSTEM and SOFTWARE hives through
 * {@link dev.patchchain.core.registry.RegistryView}, attributes the pending file rename queue's entries and finds
 * its zombies, and returns a {@link dev.patchchain.core.signals.SignalReport}.
 */
package dev.patchchain.core.signals;
