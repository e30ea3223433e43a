package org.marketlake.forecast.chronos;

/**
 * What {@link ChronosBolt#predict} returns: {@code quantiles[series][quantile][step]} (levels as in
 * {@link #quantileLevels()}) and {@code mean[series][step]}, shaped like the reference vectors.
 */
public record ChronosForecast(double[] quantileLevels, double[][][] quantiles, double[][] mean) {}
