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
 * {@code outlier_action} then reports only, clips outliers to the fences, or drops their rows. Transforms fit
 * the fences without lookahead ({@link #causal}); {@link #apply} fits them on the whole table, for reports.
 */
final class OutlierDetector {
    private OutlierDetector() {}

    public record Result(Table table, List<OutlierReport> reports, int rowsDropped) {}

    /**
     * Fences fitted on the whole table: what the quality report describes (it transforms nothing). Every
     * transform uses {@link #causal} instead, which never looks ahead.
     */
    public static Result apply(Table table, List<String> columns, LoaderConfig.Processing settings) {
        return judge(table, columns, settings, (values, lower, upper, flagged) -> {
            double[] fences = switch (settings.outlierMethod()) {
                case IQR -> iqrFences(values, settings.outlierThreshold());
                case ZSCORE -> zscoreFences(values, settings.outlierThreshold());
                case ISOLATION_FOREST -> IsolationScores.flag(values, settings, flagged);
            };
            Arrays.fill(lower, fences[0]);
            Arrays.fill(upper, fences[1]);
        });
    }

    /** Fills each row's fences (and, for the isolation forest, its verdict) for one column. */
    private interface Fit {
        void fences(double[] values, double[] lower, double[] upper, boolean[] flagged);
    }

    /** Fewest non-null values a fit needs before it sets fences: with fewer, no row is judged an outlier. */
    public static final int MIN_FIT_VALUES = 30;

    /**
     * Outliers without lookahead, for every transform ({@code clip}, {@code drop}, and the counts of {@code report}):
     * row i is judged against fences fitted on the non-null values of rows {@code 0 .. min(i, fitRows - 1)} only,
     * an expanding window that stops growing at {@code fitRows}. A training set passes its training part's size,
     * so validation and test rows are judged by the training part's fences and never shape them; rolling use
     * (features, context, load) passes the row count, so each row is judged by the rows at or before it. Changing
     * a row after t therefore never changes what happens at or before t. Fits with fewer than
     * {@link #MIN_FIT_VALUES} values set no fences. The isolation forest is refitted when the window reaches 2^k
     * rows and once at {@code fitRows} for the rows after it (a forest per row would be too slow); its fences are
     * the range of the values it fitted on that it does not flag. Reports give the last row's fences.
     */
    public static Result causal(Table table, List<String> columns, LoaderConfig.Processing settings, int fitRows) {
        if (fitRows < 0) {
            throw new IllegalArgumentException("fitRows must be at least 0, was " + fitRows);
        }
        return judge(table, columns, settings, (values, lower, upper, flagged) -> {
            switch (settings.outlierMethod()) {
                case IQR -> expandingIqr(values, settings.outlierThreshold(), fitRows, lower, upper);
                case ZSCORE -> expandingZscore(values, settings.outlierThreshold(), fitRows, lower, upper);
                case ISOLATION_FOREST -> IsolationScores.expanding(values, settings, fitRows, flagged, lower, upper);
            }
        });
    }

    private static Result judge(Table table, List<String> columns, LoaderConfig.Processing settings, Fit fit) {
        List<OutlierReport> reports = new ArrayList<>();
        boolean[] outlierRow = new boolean[table.rows()];
        Table out = table;
        for (String name : columns) {
            double[] values = table.doubles(name);
            double[] lower = new double[values.length];
            double[] upper = new double[values.length];
            boolean[] flagged = new boolean[values.length];
            fit.fences(values, lower, upper, flagged);
            // The forest decides by score; its fences (the fitted inliers' range) are only where clipping goes.
            boolean fenced = settings.outlierMethod() != org.marketlake.loader.config.OutlierMethod.ISOLATION_FOREST;
            int count = 0;
            double[] clipped = settings.outlierAction() == OutlierAction.CLIP ? values.clone() : null;
            for (int row = 0; row < values.length; row++) {
                double value = values[row];
                boolean outside = fenced && (value < lower[row] || value > upper[row]);
                if (!Double.isNaN(value) && (flagged[row] || outside)) {
                    outlierRow[row] = true;
                    count++;
                    if (clipped != null) {
                        clipped[row] = Math.min(upper[row], Math.max(lower[row], value));
                    }
                }
            }
            int last = values.length - 1;
            reports.add(new OutlierReport(name, settings.outlierMethod().configName(),
                    last < 0 ? Double.NEGATIVE_INFINITY : lower[last], last < 0 ? Double.POSITIVE_INFINITY : upper[last], count));
            if (clipped != null && count > 0) {
                out = out.with(new TableColumn.Doubles(name, clipped));
            }
        }
        if (settings.outlierAction() != OutlierAction.DROP) {
            return new Result(out, reports, 0);
        }
        int[] kept = java.util.stream.IntStream.range(0, outlierRow.length).filter(row -> !outlierRow[row]).toArray();
        return new Result(kept.length == table.rows() ? out : out.select(kept), reports, table.rows() - kept.length);
    }

    /** Rows of the fit window of row i: {@code 0 .. min(i, fitRows - 1)}. */
    static int fitEnd(int row, int fitRows) {
        return Math.min(row + 1, fitRows);
    }

    /**
     * IQR fences of each row's fit window. The window's values are kept in a Fenwick tree over the ranks of the
     * column's distinct values; the quartiles are read back as the window's own order statistics, so they are
     * exactly {@link #iqrFences} of the window whatever values come later.
     */
    static void expandingIqr(double[] values, double threshold, int fitRows, double[] lower, double[] upper) {
        double[] distinct = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().distinct().toArray();
        int[] tree = new int[distinct.length + 1];
        int inserted = 0;
        int count = 0;
        double[] fences = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int row = 0; row < values.length; row++) {
            int end = fitEnd(row, fitRows);
            boolean grew = false;
            while (inserted < end) {
                double value = values[inserted++];
                if (!Double.isNaN(value)) {
                    for (int i = Arrays.binarySearch(distinct, value) + 1; i < tree.length; i += i & -i) {
                        tree[i]++;
                    }
                    count++;
                    grew = true;
                }
            }
            if (grew) {
                fences = count < MIN_FIT_VALUES ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}
                        : iqrOfWindow(distinct, tree, count, threshold);
            }
            lower[row] = fences[0];
            upper[row] = fences[1];
        }
    }

    private static double[] iqrOfWindow(double[] distinct, int[] tree, int count, double threshold) {
        double q1 = windowQuantile(distinct, tree, count, 0.25);
        double q3 = windowQuantile(distinct, tree, count, 0.75);
        double iqr = q3 - q1;
        if (iqr == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        return new double[] {q1 - threshold * iqr, q3 + threshold * iqr};
    }

    /** As {@link #quantile} over the window's sorted values, read from the Fenwick tree. */
    private static double windowQuantile(double[] distinct, int[] tree, int count, double p) {
        double h = (count - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, count - 1);
        double a = distinct[kth(tree, low)];
        double b = distinct[kth(tree, high)];
        return a + (h - low) * (b - a);
    }

    /** Index in the distinct values of the k-th smallest (0-based) value in the tree. */
    private static int kth(int[] tree, int k) {
        int position = 0;
        int remaining = k + 1;
        for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] < remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return position;
    }

    /** z-score fences of each row's fit window: mean and population std updated row by row (Welford). */
    static void expandingZscore(double[] values, double threshold, int fitRows, double[] lower, double[] upper) {
        int inserted = 0;
        long count = 0;
        double mean = 0;
        double squares = 0;
        for (int row = 0; row < values.length; row++) {
            int end = fitEnd(row, fitRows);
            while (inserted < end) {
                double value = values[inserted++];
                if (!Double.isNaN(value)) {
                    count++;
                    double delta = value - mean;
                    mean += delta / count;
                    squares += delta * (value - mean);
                }
            }
            if (count < MIN_FIT_VALUES) {
                lower[row] = Double.NEGATIVE_INFINITY;
                upper[row] = Double.POSITIVE_INFINITY;
            } else {
                double std = Math.sqrt(squares / count);
                lower[row] = mean - threshold * std;
                upper[row] = mean + threshold * std;
            }
        }
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
