package org.marketlake.loader.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.config.OutlierAction;
import org.marketlake.loader.table.Table;

/**
 * Builds the {@link QualityReport} of loaded (not yet processed) rows.
 *
 * <p>Gaps: consecutive rows further apart than the timeframe's step. Where the data shows sessions, a gap is a
 * market closure when every time it lacks is outside them: on a day without any row (weekends, holidays), or at
 * a time of day that has rows on fewer than half of the days with data (nights of an exchange, the weekly close
 * of FX); a stretch across a whole day without rows is a closure with its edges. Any other lacking time inside
 * the sessions makes it a gap, reported with the rows missing.
 */
public final class QualityChecker {
    private static final long DAY = Micros.PER_DAY;

    private QualityChecker() {}

    /**
     * @param expected the datetime column first, then the other configured columns that are available
     * @param unavailable configured columns the source cannot provide ({@code "column (reason)"}), reported only
     */
    public static QualityReport check(Table table, long stepMicros, List<String> valueColumns, List<String> expected,
            List<String> extras, List<String> unavailable, QualityReport.Freshness freshness, LoaderConfig.Processing processing) {
        List<String> issues = new ArrayList<>();
        List<QualityReport.Missing> missing = new ArrayList<>();
        for (String column : valueColumns) {
            int count = NullHandler.countMissing(table.doubles(column));
            missing.add(new QualityReport.Missing(column, count, table.rows() == 0 ? 0 : (double) count / table.rows()));
            if (count > 0) {
                issues.add(String.format(Locale.ROOT, "%s: %d missing values (%.2f%%)", column, count, 100.0 * count / table.rows()));
            }
        }
        QualityReport.Temporal temporal = temporal(table.ds(), stepMicros);
        if (temporal.outOfOrder() > 0) {
            issues.add("ds: " + temporal.outOfOrder() + " rows out of time order");
        }
        if (temporal.duplicates() > 0) {
            issues.add("ds: " + temporal.duplicates() + " duplicate timestamps");
        }
        if (temporal.gaps() > 0) {
            QualityReport.Gap largest = temporal.largestGaps().get(0);
            issues.add("ds: " + temporal.gaps() + " gaps inside sessions, " + temporal.rowsMissingInGaps()
                    + " rows missing (largest " + largest.after() + " .. " + largest.before() + ")");
        }
        List<OutlierReport> outliers = List.of();
        if (processing.outlierDetection()) {
            LoaderConfig.Processing reportOnly = new LoaderConfig.Processing(processing.nullHandling(), true,
                    processing.outlierMethod(), processing.outlierThreshold(), OutlierAction.REPORT,
                    processing.isolationScoreThreshold(), processing.isolationTrees(), processing.randomSeed(),
                    processing.optimizeDtypes(), processing.useCategorical(), processing.chunkSize(),
                    processing.validationSplit(), processing.scaling());
            outliers = OutlierDetector.apply(table, valueColumns, reportOnly).reports();
            for (OutlierReport outlier : outliers) {
                if (outlier.outliers() > 0) {
                    issues.add(String.format(Locale.ROOT, "%s: %d outliers (%s, outside [%.6g, %.6g])", outlier.column(),
                            outlier.outliers(), outlier.method(), outlier.lower(), outlier.upper()));
                }
            }
        }
        // The datetime column is the table's time axis (ds), never one of its named columns.
        List<String> absent = expected.stream().skip(1).filter(name -> !table.has(name)).toList();
        absent.forEach(name -> issues.add("schema: column " + name + " is missing"));
        return new QualityReport(table.rows(), missing, temporal, outliers, new QualityReport.Schema(expected, absent, extras, unavailable),
                freshness, issues);
    }

    static QualityReport.Temporal temporal(long[] ds, long step) {
        int outOfOrder = 0;
        int duplicates = 0;
        for (int i = 1; i < ds.length; i++) {
            if (ds[i] < ds[i - 1]) {
                outOfOrder++;
            } else if (ds[i] == ds[i - 1]) {
                duplicates++;
            }
        }
        if (step <= 0 || ds.length < 2) {
            return new QualityReport.Temporal(outOfOrder, duplicates, step, 0, 0, 0, List.of());
        }
        long[] sorted = ds.clone();
        java.util.Arrays.sort(sorted);
        Set<Long> days = new HashSet<>();
        for (long t : sorted) {
            days.add(Math.floorDiv(t, DAY));
        }
        boolean[] inSession = sessionSlots(sorted, step, days.size());
        int gaps = 0;
        int closures = 0;
        long rowsMissing = 0;
        List<QualityReport.Gap> found = new ArrayList<>();
        for (int i = 1; i < sorted.length; i++) {
            long distance = sorted[i] - sorted[i - 1];
            if (distance <= step) {
                continue;
            }
            long inside = 0;
            boolean spansClosedDay = false;
            for (long day = Math.floorDiv(sorted[i - 1], DAY) + 1; day < Math.floorDiv(sorted[i], DAY); day++) {
                spansClosedDay |= !days.contains(day);
            }
            // A stretch across a whole day without data (a weekend, a holiday) is the market's closure, including
            // the hours at its edges (FX closes Friday evening and opens Sunday evening).
            for (long t = sorted[i - 1] + step; t < sorted[i] && !spansClosedDay; t += step) {
                long day = Math.floorDiv(t, DAY);
                if (days.contains(day) && inSession[slot(t, step, inSession.length)]) {
                    inside++;
                }
            }
            boolean closure = inside == 0;
            if (closure) {
                closures++;
            } else {
                gaps++;
                rowsMissing += inside;
                found.add(new QualityReport.Gap(Micros.format(sorted[i - 1]), Micros.format(sorted[i]), inside, false));
            }
        }
        found.sort(Comparator.comparingLong(QualityReport.Gap::missingRows).reversed());
        return new QualityReport.Temporal(outOfOrder, duplicates, step, gaps, rowsMissing, closures,
                found.subList(0, Math.min(5, found.size())));
    }

    /** Time-of-day slots that hold rows on at least half of the days with data. */
    private static boolean[] sessionSlots(long[] sorted, long step, int dayCount) {
        int slots = (int) Math.max(1, Math.min(DAY / step, 1440));
        int[] counts = new int[slots];
        long lastDay = Long.MIN_VALUE;
        boolean[] seenToday = new boolean[slots];
        for (long t : sorted) {
            long day = Math.floorDiv(t, DAY);
            if (day != lastDay) {
                java.util.Arrays.fill(seenToday, false);
                lastDay = day;
            }
            int slot = slot(t, step, slots);
            if (!seenToday[slot]) {
                seenToday[slot] = true;
                counts[slot]++;
            }
        }
        boolean[] inSession = new boolean[slots];
        for (int s = 0; s < slots; s++) {
            inSession[s] = counts[s] * 2 >= dayCount;
        }
        return inSession;
    }

    private static int slot(long t, long step, int slots) {
        long ofDay = Math.floorMod(t, DAY);
        return (int) Math.min(slots - 1, ofDay * slots / DAY);
    }
}
