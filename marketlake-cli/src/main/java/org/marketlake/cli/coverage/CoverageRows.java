package org.marketlake.cli.coverage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.coverage.CoverageReport;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Micros;

/**
 * A coverage report as rows: one per day, then a {@code total} row. {@code days} and {@code missing_days} are 1 or
 * 0 on a day's row (a trading day; one with no bar in its session), so every count column of the total row is
 * the sum of the column above it.
 */
final class CoverageRows {
    static final List<String> COLUMNS = List.of("date", "expected", "present", "missing", "coverage", "gap_start", "gap_end",
            "gap_bars", "outside", "days", "missing_days", "note");

    private CoverageRows() {}

    static Rows of(CoverageReport report) {
        boolean daily = report.timeframe().isDaily();
        List<Object[]> rows = new ArrayList<>(report.days().size() + 1);
        for (CoverageReport.Day day : report.days()) {
            Object[] gap = gap(day.longestGap(), daily);
            String note = day.trades() ? day.note().map(why -> "early close: " + why).orElse(null)
                    : "closed: " + day.note().orElse("no session");
            rows.add(new Object[] {day.date().toString(), day.expected(), day.present(), day.missing(), fraction(day.coverage()),
                gap[0], gap[1], gap[2], day.outside(), day.trades() ? 1 : 0, day.missingDay() ? 1 : 0, note});
        }
        CoverageReport.Totals totals = report.totals();
        Object[] gap = gap(totals.longestGap(), daily);
        int closed = totals.closedDaysWithBars();
        rows.add(new Object[] {"total", totals.expected(), totals.present(), totals.missing(), fraction(totals.coverage()),
            gap[0], gap[1], gap[2], totals.outside(), totals.days(), totals.missingDays(),
            closed == 0 ? null : closed + (closed == 1 ? " closed day" : " closed days") + " with bars"});
        return Rows.table(COLUMNS, rows);
    }

    /** Start, last stamp (inclusive) and length of a gap; trading dates for daily bars. */
    private static Object[] gap(Optional<CoverageReport.Gap> gap, boolean daily) {
        if (gap.isEmpty()) {
            return new Object[] {null, null, null};
        }
        CoverageReport.Gap g = gap.get();
        return daily ? new Object[] {date(g.startMicros()), date(g.lastMicros()), g.bars()}
                : new Object[] {Micros.toInstant(g.startMicros()), Micros.toInstant(g.lastMicros()), g.bars()};
    }

    private static String date(long micros) {
        return LocalDate.ofInstant(Micros.toInstant(micros), ZoneOffset.UTC).toString();
    }

    /** The coverage fraction to four decimal places; empty when nothing was expected. */
    private static Double fraction(Optional<Double> coverage) {
        return coverage.map(value -> Math.round(value * 10_000) / 10_000.0).orElse(null);
    }
}
