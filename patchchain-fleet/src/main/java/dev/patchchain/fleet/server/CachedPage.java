package dev.patchchain.fleet.server;

import dev.patchchain.fleet.report.ReportHtml;
import dev.patchchain.fleet.store.FleetStore;
import dev.patchchain.fleet.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The dashboard page, rendered at most once per {@link #TTL}: the report costs about a second at 100k machines
 * (docs/scaling.md) and the numbers only change at scan cadence, so a wall display or many viewers cost one query.
 */
final class CachedPage {

    static final Duration TTL = Duration.ofSeconds(10);

    private final FleetStore store;
    private final int staleDays;
    private final Clock clock;
    private String html;
    private Instant renderedAt = Instant.MIN;

    CachedPage(FleetStore store, int staleDays, Clock clock) {
        this.store = store;
        this.staleDays = staleDays;
        this.clock = clock;
    }

    synchronized String html() throws StoreException {
        Instant now = clock.instant();
        if (html == null || now.isAfter(renderedAt.plus(TTL))) {
            html = ReportHtml.render(store.report(staleDays));
            renderedAt = now;
        }
        return html;
    }
}
