package org.marketlake.loader.process;

/** Count, mean, population standard deviation, min and max of a column's non-null values. */
public record Moments(int count, double mean, double std, double min, double max) {
    public static Moments of(double[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
                n++;
            }
        }
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double squares = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                squares += (value - mean) * (value - mean);
            }
        }
        return new Moments(n, mean, Math.sqrt(squares / n), min, max);
    }
}
