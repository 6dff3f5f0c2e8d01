/**
 * Jazzer fuzz tests of every parser in this module and of the core queue codec. Under {@code mvn verify} they
 * replay the seeds in {@code src/test/resources/dev/patchchain/formats/fuzz/*Inputs}; with {@code JAZZER_FUZZ=1}
 * they fuzz for the {@code maxDuration} given.
 */
package dev.patchchain.formats.fuzz;
