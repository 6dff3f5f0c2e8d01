package dev.patchchain.fleet.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts: no script, no font file, readable without styles. */
final class SvgCharts {

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 330;
    private static final int ROW = 24;
    private static final int BAR_AREA = WIDTH - LABEL_WIDTH - 70;
    private static final int LABEL_CHARS = 48;
    private static final int TREND_HEIGHT = 160;

    private SvgCharts() {
    }

    /** Horizontal bars, one row per count, largest bar full width. */
    static String bars(String title, List<Count> counts, String color) {
        long max = Math.max(1, counts.stream().mapToLong(Count::count).max().orElse(1));
        int height = Math.max(1, counts.size()) * ROW + 8;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">", Html.escape(title), WIDTH, height, WIDTH, height));
        if (counts.isEmpty()) {
            sb.append("<text x=\"0\" y=\"18\" fill=\"#555\">none</text>");
        }
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            int y = i * ROW + 4;
            long barWidth = Math.max(2, c.count() * BAR_AREA / max);
            String label = c.label().length() > LABEL_CHARS
                    ? "\u2026" + c.label().substring(c.label().length() - LABEL_CHARS + 1) : c.label();
            sb.append(String.format(Locale.ROOT, "<g class=\"bar\"><title>%s: %d</title>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"13\">%d</text></g>",
                    Html.escape(c.label()), c.count(), LABEL_WIDTH - 8, y + 15, Html.escape(label), LABEL_WIDTH, y + 2,
                    barWidth, ROW - 6, color, LABEL_WIDTH + barWidth + 6, y + 15, c.count()));
        }
        return sb.append("</svg>").toString();
    }

    /** One column per day: scans in grey, those with a downgrade in red on top of it. */
    static String trend(List<TrendDay> days) {
        int columns = FleetReport.TREND_DAYS;
        int columnWidth = (WIDTH - 40) / columns;
        long max = Math.max(1, days.stream().mapToLong(TrendDay::scans).max().orElse(1));
        int height = TREND_HEIGHT + 24;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"Scans per day\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, height, WIDTH, height));
        sb.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                TREND_HEIGHT, WIDTH - 10, TREND_HEIGHT));
        if (days.isEmpty()) {
            sb.append("<text x=\"40\" y=\"80\" fill=\"#555\">no scans in the last ").append(columns).append(" days</text>");
        }
        long first = days.isEmpty() ? 0 : days.get(days.size() - 1).day().toEpochDay() - columns + 1;
        for (TrendDay d : days) {
            int x = 34 + (int) (d.day().toEpochDay() - first) * columnWidth;
            int all = (int) (d.scans() * (TREND_HEIGHT - 10) / max);
            int bad = (int) (d.withDowngrades() * (TREND_HEIGHT - 10) / max);
            sb.append(String.format(Locale.ROOT, "<g class=\"day\"><title>%s: %d scans, %d with a downgrade</title>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#9aa5b1\"/>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#c0392b\"/></g>",
                    d.day(), d.scans(), d.withDowngrades(), x, TREND_HEIGHT - all, columnWidth - 3, all,
                    x, TREND_HEIGHT - bad, columnWidth - 3, bad));
        }
        if (!days.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"34\" y=\"%d\" font-size=\"12\">%s</text>",
                    TREND_HEIGHT + 18, java.time.LocalDate.ofEpochDay(first)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    WIDTH - 10, TREND_HEIGHT + 18, days.get(days.size() - 1).day()));
        }
        return sb.append("</svg>").toString();
    }
}
