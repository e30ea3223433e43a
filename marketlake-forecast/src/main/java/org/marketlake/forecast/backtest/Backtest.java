package org.marketlake.forecast.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.forecast.model.Forecaster;
import org.marketlake.forecast.model.SeasonLength;
import org.marketlake.forecast.model.Series;
import org.marketlake.forecast.baseline.Baselines;

/**
 * Rolling-origin evaluation of forecasters on one series, with fev's metrics: each window's model sees only the
 * values before the window, forecasts the window, and is scored by MASE (on the median, scaled by the seasonal
 * naive error of everything before the window) and WQL (on all its quantiles).
 */
public final class Backtest {
    /** Values a window needs before it: two, so the MASE scale has at least one difference. */
    static final int MINIMUM_HISTORY = 2;

    private Backtest() {}

    /**
     * Scores seasonal naive (the reference, always first) and each of {@code models} on {@code windows} windows of
     * {@code horizon} bars. A model named {@code seasonal-naive} in {@code models} is the reference itself.
     */
    public static BacktestResult run(Series series, List<Forecaster> models, SeasonLength season, int horizon, int windows) {
        List<Window> placed = Windows.place(series.size(), horizon, windows, MINIMUM_HISTORY);
        Forecaster reference = Baselines.seasonalNaive(season);
        double[][] referenceScores = scores(series, reference, season, placed);
        List<ModelScore> out = new ArrayList<>();
        out.add(score(series, reference.name(), placed, referenceScores, referenceScores));
        for (Forecaster model : models) {
            if (model.name().equals(reference.name())) {
                continue;
            }
            out.add(score(series, model.name(), placed, scores(series, model, season, placed), referenceScores));
        }
        return new BacktestResult(series.symbol(), series.timeframe(), horizon, season.nominal(), out);
    }

    /** {@code [0][w]} MASE and {@code [1][w]} WQL of {@code model} on each window. */
    static double[][] scores(Series series, Forecaster model, SeasonLength season, List<Window> windows) {
        double[] values = series.values();
        List<double[]> histories = new ArrayList<>(windows.size());
        for (Window window : windows) {
            int context = model.contextLength(window.horizon());
            histories.add(Arrays.copyOfRange(values, Math.max(0, window.cutoff() - context), window.cutoff()));
        }
        // Every window has the same horizon: one batch.
        List<Forecast> forecasts = model.forecastEach(histories, windows.get(0).horizon());
        double[][] scores = new double[2][windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            double[] past = Arrays.copyOfRange(values, 0, window.cutoff());
            double[] actual = Arrays.copyOfRange(values, window.cutoff(), window.end());
            Forecast forecast = forecasts.get(w);
            double scale = Metrics.seasonalError(past, season.forScaling(past.length));
            scores[0][w] = Metrics.mase(actual, forecast.median(), scale);
            scores[1][w] = Metrics.wql(actual, forecast.quantileLevels(), forecast.quantiles());
        }
        return scores;
    }

    private static ModelScore score(Series series, String name, List<Window> windows, double[][] scores, double[][] reference) {
        List<WindowScore> perWindow = new ArrayList<>();
        long[] timestamps = series.timestamps();
        for (int w = 0; w < windows.size(); w++) {
            Window window = windows.get(w);
            perWindow.add(new WindowScore(window, timestamps[window.cutoff() - 1], timestamps[window.cutoff()], timestamps[window.end() - 1],
                    scores[0][w], scores[1][w], scores[0][w] / reference[0][w], scores[1][w] / reference[1][w]));
        }
        double mase = Metrics.finiteMean(scores[0]);
        double wql = Metrics.finiteMean(scores[1]);
        return new ModelScore(name, perWindow, mase, wql, mase / Metrics.finiteMean(reference[0]), wql / Metrics.finiteMean(reference[1]));
    }
}
