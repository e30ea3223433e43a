package org.marketlake.forecast.backtest;

/**
 * One rolling-origin window over a series of {@code n} values: the model sees {@code [0, cutoff)} and forecasts
 * {@code [cutoff, end)}. Windows are numbered from 1, oldest first.
 */
public record Window(int number, int cutoff, int end) {
    public Window {
        if (number < 1 || cutoff < 1 || end <= cutoff) {
            throw new IllegalArgumentException("bad window " + number + ": history [0, " + cutoff + "), test [" + cutoff + ", " + end + ")");
        }
    }

    public int horizon() {
        return end - cutoff;
    }
}
