package org.marketlake.forecast.model;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Quantile forecasts of one series: {@code quantiles[q][step]} at the levels {@code quantileLevels} (strictly
 * increasing, inside (0, 1)), and the {@code mean} (the point forecast) per step. Shaped like one series of
 * {@code chronos.ChronosForecast}.
 */
public record Forecast(double[] quantileLevels, double[][] quantiles, double[] mean) {
    /** The longest horizon any forecaster is asked for: longer is more likely a typo than a wish. */
    public static final int MAX_HORIZON = 100_000;

    /** The levels every built-in forecaster predicts, those of the Chronos-Bolt checkpoints. */
    private static final double[] STANDARD_LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    public Forecast {
        if (quantileLevels == null || quantiles == null || mean == null) {
            throw new IllegalArgumentException("a forecast needs quantile levels, quantiles and a mean");
        }
        if (mean.length == 0) {
            throw new IllegalArgumentException("a forecast has at least one step");
        }
        if (quantiles.length != quantileLevels.length) {
            throw new IllegalArgumentException(quantileLevels.length + " quantile levels but " + quantiles.length + " quantile rows");
        }
        for (int q = 0; q < quantileLevels.length; q++) {
            double level = quantileLevels[q];
            if (!(level > 0 && level < 1) || (q > 0 && level <= quantileLevels[q - 1])) {
                throw new IllegalArgumentException("quantile levels must increase strictly inside (0, 1): " + Arrays.toString(quantileLevels));
            }
            if (quantiles[q].length != mean.length) {
                throw new IllegalArgumentException("quantile " + level + " has " + quantiles[q].length + " steps, the mean " + mean.length);
            }
        }
    }

    /** 0.1, 0.2, ..., 0.9 (a fresh copy). */
    public static double[] standardLevels() {
        return STANDARD_LEVELS.clone();
    }

    public int horizon() {
        return mean.length;
    }

    /** The forecast at {@code level}, which must be one of {@link #quantileLevels()}. */
    public double[] quantile(double level) {
        for (int q = 0; q < quantileLevels.length; q++) {
            if (Math.abs(quantileLevels[q] - level) < 1e-9) {
                return quantiles[q];
            }
        }
        throw new IllegalArgumentException("no quantile " + level + " in " + Arrays.toString(quantileLevels));
    }

    /**
     * The 0.5 quantile; when the levels lack it, interpolated linearly between the levels around 0.5
     * (or the nearest level when 0.5 lies outside them).
     */
    public double[] median() {
        return interpolated(0.5);
    }

    /** The forecast at any level, interpolated linearly between the predicted levels, flat outside them. */
    public double[] interpolated(double level) {
        int above = 0;
        while (above < quantileLevels.length && quantileLevels[above] < level - 1e-12) {
            above++;
        }
        if (above < quantileLevels.length && Math.abs(quantileLevels[above] - level) < 1e-9) {
            return quantiles[above];
        }
        if (above == 0) {
            return quantiles[0];
        }
        if (above == quantileLevels.length) {
            return quantiles[quantileLevels.length - 1];
        }
        double weight = (level - quantileLevels[above - 1]) / (quantileLevels[above] - quantileLevels[above - 1]);
        double[] out = new double[mean.length];
        for (int step = 0; step < out.length; step++) {
            out[step] = quantiles[above - 1][step] + weight * (quantiles[above][step] - quantiles[above - 1][step]);
        }
        return out;
    }

    /** {@code q0.1}, {@code q0.05}: the column name of a level in CSV and JSON output. */
    public static String label(double level) {
        return "q" + BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }
}
