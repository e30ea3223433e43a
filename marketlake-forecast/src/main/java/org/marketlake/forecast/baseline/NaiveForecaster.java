package org.marketlake.forecast.baseline;

import org.marketlake.forecast.model.SeasonLength;

/** Every step repeats the last value. */
final class NaiveForecaster extends PointBaseline {
    static final Rule LAST_VALUE = new Rule() {
        @Override
        public int minimumLength() {
            return 1;
        }

        @Override
        public double point(double[] y, int length, int step) {
            return y[length - 1];
        }
    };

    NaiveForecaster(SeasonLength season) {
        super(season);
    }

    @Override
    public String name() {
        return Baselines.NAIVE;
    }

    @Override
    Rule rule(int historyLength) {
        return LAST_VALUE;
    }
}
