package org.marketlake.forecast.model;

import java.util.Arrays;
import org.marketlake.core.model.Timeframe;

/**
 * The season of a series in bars: one trading day of bars (a trading week for daily bars), and the shorter
 * cycles to fall back on when the history is shorter than a day of bars.
 *
 * <p>Session markets count the regular session (6.5 h: 390 one-minute bars) and a five-day week; markets that
 * trade around the clock count 24 h (1440 one-minute bars) and a seven-day week. {@code candidates} runs from
 * the nominal season down to 1 (naive): a day of bars, then an hour, then a minute of bars, then 1.
 *
 * @param candidates season lengths to try, longest first, ending in 1
 */
public record SeasonLength(int[] candidates) {

    public SeasonLength {
        if (candidates == null || candidates.length == 0 || candidates[candidates.length - 1] != 1) {
            throw new IllegalArgumentException("season candidates end in 1: " + Arrays.toString(candidates));
        }
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i] >= candidates[i - 1]) {
                throw new IllegalArgumentException("season candidates decrease: " + Arrays.toString(candidates));
            }
        }
        candidates = candidates.clone();
    }

    /** The season of {@code timeframe} bars of a session market or of one that trades around the clock. */
    public static SeasonLength of(Timeframe timeframe, boolean aroundTheClock) {
        int[] candidates = switch (timeframe) {
            case S1 -> aroundTheClock ? new int[] {86_400, 3_600, 60, 1} : new int[] {23_400, 3_600, 60, 1};
            case M1 -> aroundTheClock ? new int[] {1_440, 60, 1} : new int[] {390, 60, 1};
            case M5 -> aroundTheClock ? new int[] {288, 12, 1} : new int[] {78, 12, 1};
            case M15 -> aroundTheClock ? new int[] {96, 4, 1} : new int[] {26, 4, 1};
            // 09:30-16:00 touches seven hourly bars (09:00 partial ... 15:00).
            case H1 -> aroundTheClock ? new int[] {24, 1} : new int[] {7, 1};
            case D1 -> aroundTheClock ? new int[] {7, 1} : new int[] {5, 1};
        };
        return new SeasonLength(candidates);
    }

    /** A fixed season (tests, or a user's choice), falling back to 1 on short histories. */
    public static SeasonLength fixed(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1: " + season);
        }
        return new SeasonLength(season == 1 ? new int[] {1} : new int[] {season, 1});
    }

    /** The season the timeframe and market call for: the longest candidate. */
    public int nominal() {
        return candidates[0];
    }

    /**
     * The season to apply to {@code historyLength} values: the longest candidate the history holds more than
     * once (a full season to repeat, plus at least one value to measure an in-sample error on), as GluonTS's and
     * fev's seasonal naive do; shorter histories fall back to the shorter cycles.
     */
    public int effective(int historyLength) {
        for (int candidate : candidates) {
            if (historyLength > candidate) {
                return candidate;
            }
        }
        return 1;
    }

    /**
     * The season that scales MASE for a past of {@code historyLength} values: the nominal one when the past is
     * longer than it, else 1, as GluonTS's seasonal error does.
     */
    public int forScaling(int historyLength) {
        return nominal() < historyLength ? nominal() : 1;
    }

    @Override
    public int[] candidates() {
        return candidates.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeasonLength that && Arrays.equals(candidates, that.candidates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(candidates);
    }

    @Override
    public String toString() {
        return "SeasonLength" + Arrays.toString(candidates);
    }
}
