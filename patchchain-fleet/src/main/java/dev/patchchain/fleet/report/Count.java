package dev.patchchain.fleet.report;

/**
 * One bar of a chart: a label and how many machines (or scans) it stands for.
 *
 * @param label e.g. a file path or a status
 * @param count how many
 */
public record Count(String label, long count) {
}
