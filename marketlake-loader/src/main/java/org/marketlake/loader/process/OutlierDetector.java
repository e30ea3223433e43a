package org.marketlake.loader.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.config.OutlierAction;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * {@code processing.outlier_method} per numeric column, nulls ignored:
 * <ul>
 *   <li>{@code iqr}: outside [Q1 - t x IQR, Q3 + t x IQR], quartiles by linear interpolation between order
 *       statistics (numpy's and pandas' default), t = {@code outlier_threshold};</li>
 *   <li>{@code zscore}: |x - mean| / std > t, population standard deviation (scipy's {@code zscore});</li>
 *   <li>{@code isolation_forest}: Smile's isolation trees over the column, built from a seeded sample so results
 *       repeat; a score above {@code isolation_score_threshold} is an outlier.</li>
 * </ul>
 * {@code outlier_action} then reports only, clips outliers to the fences, or drops their rows.
 */
final class OutlierDetector {
    private OutlierDetector() {}

    public record Result(Table table, List<OutlierReport> reports, int rowsDropped) {}

    public static Result apply(Table table, List<String> columns, LoaderConfig.Processing settings) {
        List<OutlierReport> reports = new ArrayList<>();
        boolean[] outlierRow = new boolean[table.rows()];
        Table out = table;
        for (String name : columns) {
            double[] values = table.doubles(name);
            boolean[] flagged = new boolean[values.length];
            double[] fences = switch (settings.outlierMethod()) {
                case IQR -> iqrFences(values, settings.outlierThreshold());
                case ZSCORE -> zscoreFences(values, settings.outlierThreshold());
                case ISOLATION_FOREST -> IsolationScores.flag(values, settings, flagged);
            };
            int count = 0;
            for (int row = 0; row < values.length; row++) {
                double value = values[row];
                if (!Double.isNaN(value) && (flagged[row] || value < fences[0] || value > fences[1])) {
                    flagged[row] = true;
                    outlierRow[row] = true;
                    count++;
                }
            }
            reports.add(new OutlierReport(name, settings.outlierMethod().configName(), fences[0], fences[1], count));
            if (settings.outlierAction() == OutlierAction.CLIP && count > 0) {
                double[] clipped = values.clone();
                for (int row = 0; row < clipped.length; row++) {
                    if (flagged[row]) {
                        clipped[row] = Math.min(fences[1], Math.max(fences[0], clipped[row]));
                    }
                }
                out = out.with(new TableColumn.Doubles(name, clipped));
            }
        }
        if (settings.outlierAction() != OutlierAction.DROP) {
            return new Result(out, reports, 0);
        }
        int[] kept = java.util.stream.IntStream.range(0, outlierRow.length).filter(row -> !outlierRow[row]).toArray();
        return new Result(kept.length == table.rows() ? table : table.select(kept), reports, table.rows() - kept.length);
    }

    /** [Q1 - t x IQR, Q3 + t x IQR]; (-inf, inf) for a column without values. */
    public static double[] iqrFences(double[] values, double threshold) {
        double[] finite = Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
        if (finite.length == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double q1 = selectQuantile(finite, 0.25);
        double q3 = selectQuantile(finite, 0.75);
        double iqr = q3 - q1;
        if (iqr == 0) {
            // Quartiles that coincide (a mostly constant column, such as a daily value over a few days) give no
            // spread to measure against: every other value would be an outlier. Such a column has no fences.
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        return new double[] {q1 - threshold * iqr, q3 + threshold * iqr};
    }

    public static double[] zscoreFences(double[] values, double threshold) {
        Moments moments = Moments.of(values);
        if (moments.count() == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        return new double[] {moments.mean() - threshold * moments.std(), moments.mean() + threshold * moments.std()};
    }

    /** The {@code p} quantile of sorted values, linear between order statistics: h = (n - 1) p. */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /**
     * As {@link #quantile} without sorting: two order statistics found by selection (linear time; a year of
     * minutes has 360,000 values per column and dozens of columns). Reorders {@code values}.
     */
    static double selectQuantile(double[] values, double p) {
        double h = (values.length - 1) * p;
        int low = (int) Math.floor(h);
        double lower = select(values, low);
        if (low + 1 >= values.length || h == low) {
            return lower;
        }
        // After selecting position low, everything to its right is at least as large: the next order statistic is their minimum.
        double upper = Double.POSITIVE_INFINITY;
        for (int i = low + 1; i < values.length; i++) {
            upper = Math.min(upper, values[i]);
        }
        return lower + (h - low) * (upper - lower);
    }

    /** The k-th smallest value (Hoare's quickselect, middle pivot); leaves smaller values left of k, larger right. */
    static double select(double[] values, int k) {
        int left = 0;
        int right = values.length - 1;
        while (left < right) {
            double pivot = values[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
