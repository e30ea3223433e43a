package org.marketlake.forecast;

import org.marketlake.forecast.model.Forecaster;

import org.marketlake.forecast.model.Forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketlake.forecast.chronos.ChronosBolt;
import org.marketlake.forecast.chronos.ChronosForecast;

/**
 * Chronos-Bolt through the port, as a {@link Forecaster}: the last {@code contextLength} values go in, the
 * model's quantiles come out. Quantiles are sorted per step (monotone rearrangement), so a model whose
 * quantile heads cross still reports q0.1 <= ... <= q0.9.
 */
final class ChronosForecaster implements Forecaster {
    static final int BATCH = 64;
    private final ChronosBolt model;
    private final int contextLength;

    ChronosForecaster(ChronosBolt model, int contextLength) {
        this.model = model;
        this.contextLength = contextLength;
    }

    @Override
    public String name() {
        return "chronos-bolt";
    }

    @Override
    public int contextLength(int horizon) {
        return contextLength;
    }

    @Override
    public String describe(int historyLength) {
        return name() + ", context " + Math.min(historyLength, contextLength);
    }

    @Override
    public Forecast forecast(double[] history, int horizon) {
        return forecastEach(List.of(history), horizon).get(0);
    }

    /** One model call per {@value #BATCH} histories: the port spreads a batch over the cores. */
    @Override
    public List<Forecast> forecastEach(List<double[]> histories, int horizon) {
        List<Forecast> forecasts = new ArrayList<>(histories.size());
        for (int from = 0; from < histories.size(); from += BATCH) {
            List<double[]> chunk = histories.subList(from, Math.min(histories.size(), from + BATCH));
            double[][] contexts = new double[chunk.size()][];
            for (int i = 0; i < contexts.length; i++) {
                double[] history = chunk.get(i);
                contexts[i] = Arrays.copyOfRange(history, Math.max(0, history.length - contextLength), history.length);
            }
            ChronosForecast out = model.predict(contexts, horizon);
            for (int i = 0; i < contexts.length; i++) {
                forecasts.add(sorted(out, i, horizon));
            }
        }
        return forecasts;
    }

    private static Forecast sorted(ChronosForecast out, int series, int horizon) {
        double[][] quantiles = new double[out.quantileLevels().length][horizon];
        double[] column = new double[quantiles.length];
        for (int step = 0; step < horizon; step++) {
            for (int q = 0; q < quantiles.length; q++) {
                column[q] = out.quantiles()[series][q][step];
            }
            Arrays.sort(column);
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q][step] = column[q];
            }
        }
        return new Forecast(out.quantileLevels().clone(), quantiles, out.mean()[series].clone());
    }
}
