package org.marketlake.forecast.backtest;

import java.util.List;

/**
 * One model over all windows: per-window scores, their means (finite values only, as fev averages), and the
 * means relative to seasonal naive's means on the same windows.
 */
public record ModelScore(String model, List<WindowScore> windows, double mase, double wql, double relativeMase, double relativeWql) {
    public ModelScore {
        windows = List.copyOf(windows);
    }
}
