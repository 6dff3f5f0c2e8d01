/**
 * Planning updates before they are installed: which packages may run in parallel or one after another without a
 * reboot, proven by exploring every interleaving of their installers and every boot that follows, and the schedule
 * with the fewest reboots, starting from the machine as it is ({@link dev.patchchain.core.plan.MachineState}: its
 * pending queue, servicing's pending operations, its registry values). The entry point is
 * {@link dev.patchchain.core.plan.Planner}; docs/plan.md describes the method, the installer models and the verdicts.
 */
package dev.patchchain.core.plan;
