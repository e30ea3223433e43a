package org.marketlake.forecast.backtest;

/**
 * One model's scores on one window. {@code cutoffMicros} is the start of the last bar the model saw,
 * {@code firstMicros} and {@code lastMicros} the first and last bar it forecast. The relative scores divide by
 * seasonal naive's on the same window.
 */
public record WindowScore(Window window, long cutoffMicros, long firstMicros, long lastMicros, double mase, double wql,
        double relativeMase, double relativeWql) {}
