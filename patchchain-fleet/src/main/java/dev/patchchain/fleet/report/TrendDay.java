package dev.patchchain.fleet.report;

import java.time.LocalDate;

/**
 * One day of the trend.
 *
 * @param day            the day (UTC)
 * @param scans          snapshots taken that day
 * @param withDowngrades of those, how many found a downgrade
 */
public record TrendDay(LocalDate day, long scans, long withDowngrades) {
}
