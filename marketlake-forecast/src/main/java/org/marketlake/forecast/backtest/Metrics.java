package org.marketlake.forecast.backtest;

/**
 * The fev benchmark's point and quantile metrics for one series and one window. Undefined values (a zero
 * scale or a zero denominator) are NaN, and averages skip them as fev's do.
 */
public final class Metrics {
    private Metrics() {}

    /**
     * The in-sample seasonal-naive error of {@code past}: the mean of {@code |y[t] - y[t - season]|} over
     * {@code t >= season}. NaN when the past is not longer than the season.
     */
    public static double seasonalError(double[] past, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1: " + season);
        }
        if (past.length <= season) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = season; t < past.length; t++) {
            sum += Math.abs(past[t] - past[t - season]);
        }
        return sum / (past.length - season);
    }

    /** MASE: {@code mean_t |y_t - median_t| / scale}; NaN when the scale is zero or NaN. */
    public static double mase(double[] actual, double[] median, double scale) {
        requireSameLength(actual.length, median.length);
        if (!(scale > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = 0; t < actual.length; t++) {
            sum += Math.abs(actual[t] - median[t]);
        }
        return sum / actual.length / scale;
    }

    /**
     * WQL: {@code (1/|Q|) * sum_tau [ sum_t 2|(y_t - q_t)(1{y_t <= q_t} - tau)| / sum_t |y_t| ]}, with
     * {@code quantiles[q][t]} at {@code levels[q]}. NaN when every {@code y_t} is zero.
     */
    public static double wql(double[] actual, double[] levels, double[][] quantiles) {
        if (levels.length == 0 || quantiles.length != levels.length) {
            throw new IllegalArgumentException(levels.length + " quantile levels for " + quantiles.length + " quantile rows");
        }
        double scale = 0;
        for (double y : actual) {
            scale += Math.abs(y);
        }
        if (!(scale > 0)) {
            return Double.NaN;
        }
        double total = 0;
        for (int q = 0; q < levels.length; q++) {
            requireSameLength(actual.length, quantiles[q].length);
            double loss = 0;
            for (int t = 0; t < actual.length; t++) {
                double error = actual[t] - quantiles[q][t];
                double indicator = actual[t] <= quantiles[q][t] ? 1 : 0;
                loss += 2 * Math.abs(error * (indicator - levels[q]));
            }
            total += loss / scale;
        }
        return total / levels.length;
    }

    /** The mean of the finite values, NaN when there is none. */
    public static double finiteMean(double[] values) {
        double sum = 0;
        int count = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static void requireSameLength(int actual, int forecast) {
        if (actual != forecast || actual == 0) {
            throw new IllegalArgumentException(actual + " actual values for " + forecast + " forecast steps");
        }
    }
}
