/**
 * What will go wrong at boot: {@link dev.patchchain.core.analysis.QueueAnalysis} turns a simulated boot into
 * {@link dev.patchchain.core.analysis.Finding}s, and {@link dev.patchchain.core.analysis.Attribution} guesses who
 * queued each entry.
 */
package dev.patchchain.core.analysis;
