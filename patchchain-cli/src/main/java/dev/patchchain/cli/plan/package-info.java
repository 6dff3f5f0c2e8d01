/**
 * {@code patchchain plan}: reads package manifests, runs the {@link dev.patchchain.core.plan.Planner} and renders
 * verdicts, counterexamples and the schedule. The entry point is {@link dev.patchchain.cli.plan.PlanCommand}.
 */
package dev.patchchain.cli.plan;
