package org.marketlake.forecast.baseline;

import org.marketlake.forecast.model.SeasonLength;

/**
 * Step {@code h} repeats the value one season before it: {@code y[n - m + (h - 1) mod m]}. The season {@code m}
 * is the longest one the history holds more than once ({@link SeasonLength#effective}); with season 1 this is naive.
 */
final class SeasonalNaiveForecaster extends PointBaseline {

    SeasonalNaiveForecaster(SeasonLength season) {
        super(season);
    }

    @Override
    public String name() {
        return Baselines.SEASONAL_NAIVE;
    }

    @Override
    public String describe(int historyLength) {
        int used = season().effective(historyLength);
        int nominal = season().nominal();
        return used == nominal
                ? name() + ", season " + used
                : name() + ", season " + used + " (season " + nominal + " needs more than " + nominal + " bars, have " + historyLength + ")";
    }

    @Override
    Rule rule(int historyLength) {
        int season = season().effective(historyLength);
        if (season == 1) {
            return NaiveForecaster.LAST_VALUE;
        }
        return new Rule() {
            @Override
            public int minimumLength() {
                return season;
            }

            @Override
            public double point(double[] y, int length, int step) {
                return y[length - season + (step - 1) % season];
            }
        };
    }
}
