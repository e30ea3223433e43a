package org.marketlake.forecast.baseline;

import java.util.Arrays;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.forecast.model.Forecaster;
import org.marketlake.forecast.model.SeasonLength;

/**
 * A baseline that makes a point forecast by a fixed rule, and takes its quantiles from the empirical
 * distribution of its own in-sample errors at the same step ahead.
 *
 * <p>For step {@code h}, every past origin {@code t} (a prefix {@code y[0..t)} long enough for the rule, at most
 * the {@value #MAX_ORIGINS} most recent ones) gives one error {@code y[t+h-1] - point(y[0..t), h)}. The forecast's
 * {@code tau} quantile at step {@code h} is the point forecast plus the {@code tau} quantile (linear interpolation
 * between order statistics, "type 7") of those errors, however few: on a straight line every error at a step
 * is the same and the band is exact. A far step has fewer origins than a near one; a step with none at all
 * (the history is shorter than the rule's minimum plus the step) uses the errors of the farthest step that has
 * some, widened by {@code sqrt(h / h')} as a random walk's errors widen. A history too short for any error
 * gives a band of zero width.
 */
abstract class PointBaseline implements Forecaster {
    static final int MAX_ORIGINS = 5_000;
    /** Errors a step needs to be used as it is, rather than borrowing a nearer step's. */
    static final int MIN_ERRORS = 1;

    private final SeasonLength season;

    PointBaseline(SeasonLength season) {
        this.season = season;
    }

    SeasonLength season() {
        return season;
    }

    /** The forecast rule to apply to a history of {@code historyLength} values. */
    abstract Rule rule(int historyLength);

    /** A point forecast from a prefix of a series. */
    interface Rule {
        /** The shortest prefix the rule forecasts from. */
        int minimumLength();

        /** The forecast of {@code y[length + step - 1]} made from {@code y[0..length)}; {@code step} counts from 1. */
        double point(double[] y, int length, int step);
    }

    @Override
    public int contextLength(int horizon) {
        // Enough for the nominal season more than twice (see SeasonLength.effective) and for MAX_ORIGINS in-sample origins
        // one season in, out to the last step.
        return Math.max(2 * season.nominal(), season.nominal() + MAX_ORIGINS) + horizon;
    }

    @Override
    public Forecast forecast(double[] history, int horizon) {
        if (history.length == 0) {
            throw new IllegalArgumentException(name() + " needs at least one value to forecast from");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
        }
        int n = history.length;
        Rule rule = rule(n);
        double[] levels = Forecast.standardLevels();
        double[] point = new double[horizon];
        double[][] quantiles = new double[levels.length][horizon];
        // Origins only get fewer as the step grows, so once a step has too few errors every later one has too:
        // from there on, keep borrowing the last well-fed step's errors (memory stays one step's worth).
        double[] source = null;
        int sourceStep = 0;
        for (int step = 1; step <= horizon; step++) {
            point[step - 1] = rule.point(history, n, step);
            if (step == 1 || source.length >= MIN_ERRORS && sourceStep == step - 1) {
                double[] errors = inSampleErrors(history, rule, step);
                if (step == 1 || errors.length >= MIN_ERRORS) {
                    source = errors;
                    sourceStep = step;
                }
            }
            double widen = Math.sqrt((double) step / sourceStep);
            for (int q = 0; q < levels.length; q++) {
                double error = source.length == 0 ? 0 : quantileOfSorted(source, levels[q]);
                quantiles[q][step - 1] = point[step - 1] + widen * error;
            }
        }
        return new Forecast(levels, quantiles, point);
    }

    /** The sorted errors of the forecasts {@code step} ahead from the most recent in-sample origins. */
    static double[] inSampleErrors(double[] y, Rule rule, int step) {
        int last = y.length - step;
        int first = Math.max(rule.minimumLength(), last - MAX_ORIGINS + 1);
        if (last < first) {
            return new double[0];
        }
        double[] errors = new double[last - first + 1];
        for (int origin = first; origin <= last; origin++) {
            errors[origin - first] = y[origin + step - 1] - rule.point(y, origin, step);
        }
        Arrays.sort(errors);
        return errors;
    }

    /** The {@code level} quantile of sorted values, interpolating linearly between order statistics (type 7). */
    static double quantileOfSorted(double[] sorted, double level) {
        double position = level * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
