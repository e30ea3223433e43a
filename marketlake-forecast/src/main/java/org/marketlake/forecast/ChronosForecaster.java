package org.marketlake.forecast;

import java.util.Arrays;
import org.marketlake.forecast.chronos.ChronosBolt;
import org.marketlake.forecast.chronos.ChronosForecast;

/**
 * Chronos-Bolt through the port, as a {@link Forecaster}: the last {@code contextLength} values go in, the
 * model's quantiles come out. Quantiles are sorted per step (monotone rearrangement), so a model whose
 * quantile heads cross still reports q0.1 <= ... <= q0.9.
 */
final class ChronosForecaster implements Forecaster {
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
        double[] context = Arrays.copyOfRange(history, Math.max(0, history.length - contextLength), history.length);
        ChronosForecast out = model.predict(new double[][] {context}, horizon);
        double[][] quantiles = new double[out.quantileLevels().length][horizon];
        double[] column = new double[quantiles.length];
        for (int step = 0; step < horizon; step++) {
            for (int q = 0; q < quantiles.length; q++) {
                column[q] = out.quantiles()[0][q][step];
            }
            Arrays.sort(column);
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q][step] = column[q];
            }
        }
        return new Forecast(out.quantileLevels().clone(), quantiles, out.mean()[0].clone());
    }
}
