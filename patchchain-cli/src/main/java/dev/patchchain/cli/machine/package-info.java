/**
 * Where the reading commands ({@code signals}, {@code verify}, {@code scan}) get a machine from: a
 * {@link dev.patchchain.cli.machine.MachineSource} gives its SYSTEM and SOFTWARE hives as registry views and the volume
 * its files are on, from hive files and an image ({@link dev.patchchain.cli.machine.HiveFileMachine}) or from the
 * running Windows ({@link dev.patchchain.cli.machine.LiveMachine}); the commands' evaluation is the same for all.
 */
package dev.patchchain.cli.machine;
