package org.marketlake.forecast.baseline;

import java.util.List;
import org.marketlake.forecast.model.Forecaster;
import org.marketlake.forecast.model.SeasonLength;

/**
 * The forecasters that need no checkpoint: naive (the last value), seasonal naive (the value one season
 * before), and drift (the line from the first to the last value, extended). Quantiles come from their own
 * in-sample errors, step by step (see docs/FORECAST.md).
 */
public final class Baselines {
    public static final String NAIVE = "naive";
    public static final String SEASONAL_NAIVE = "seasonal-naive";
    public static final String DRIFT = "drift";

    private Baselines() {}

    /** The baseline names, as {@code --model} takes them. */
    public static List<String> names() {
        return List.of(NAIVE, SEASONAL_NAIVE, DRIFT);
    }

    public static boolean isBaseline(String name) {
        return names().contains(name);
    }

    /** The baseline called {@code name} (one of {@link #names()}); the season sizes its default context. */
    public static Forecaster named(String name, SeasonLength season) {
        return switch (name) {
            case NAIVE -> naive(season);
            case SEASONAL_NAIVE -> seasonalNaive(season);
            case DRIFT -> drift(season);
            default -> throw new IllegalArgumentException("no baseline " + name + ": use one of " + names());
        };
    }

    public static Forecaster naive() {
        return naive(SeasonLength.fixed(1));
    }

    public static Forecaster naive(SeasonLength season) {
        return new NaiveForecaster(season);
    }

    public static Forecaster seasonalNaive(SeasonLength season) {
        return new SeasonalNaiveForecaster(season);
    }

    public static Forecaster drift() {
        return drift(SeasonLength.fixed(1));
    }

    public static Forecaster drift(SeasonLength season) {
        return new DriftForecaster(season);
    }
}
