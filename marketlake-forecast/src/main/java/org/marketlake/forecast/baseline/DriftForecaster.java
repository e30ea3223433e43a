package org.marketlake.forecast.baseline;

import org.marketlake.forecast.model.SeasonLength;

/**
 * The line through the first and the last value, extended: {@code y[n-1] + h * (y[n-1] - y[0]) / (n - 1)}.
 * With one value there is no slope, and it forecasts as naive.
 */
final class DriftForecaster extends PointBaseline {
    private static final Rule LINE = new Rule() {
        @Override
        public int minimumLength() {
            return 2;
        }

        @Override
        public double point(double[] y, int length, int step) {
            return y[length - 1] + step * (y[length - 1] - y[0]) / (length - 1);
        }
    };

    DriftForecaster(SeasonLength season) {
        super(season);
    }

    @Override
    public String name() {
        return Baselines.DRIFT;
    }

    @Override
    Rule rule(int historyLength) {
        return historyLength < 2 ? NaiveForecaster.LAST_VALUE : LINE;
    }
}
