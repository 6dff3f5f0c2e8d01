/**
 * {@code patchchain plan}: reads package manifests and the machine's state (an image's or offline hives' queue and
 * values, the image's {@code pending.xml}), runs the {@link dev.patchchain.core.plan.Planner} and renders
 * verdicts, counterexamples and the schedule. The entry point is {@link dev.patchchain.cli.plan.PlanCommand}.
 */
package dev.patchchain.cli.plan;
