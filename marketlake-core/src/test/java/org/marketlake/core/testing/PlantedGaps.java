package org.marketlake.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;

/**
 * A lake with known gaps, for coverage tests: IBM 1m bars over XNYS's week of 2024-07-01. Monday full (390
 * bars), Tuesday without 15:00-15:59 UTC (330), Wednesday's early close full (210, to 13:00 New York), Thursday
 * the Independence Day holiday empty, Friday missing entirely.
 */
public final class PlantedGaps {
    private PlantedGaps() {}

    /** Writes the week into the lake at {@code root} (created) and returns it. */
    public static Lake week(Path root) {
        Lake lake = Lake.open(root);
        List<Frame> frames = new ArrayList<>();
        frames.add(minutes("2024-07-01T13:30:00Z", 390, 1));
        frames.add(minutes("2024-07-02T13:30:00Z", 90, 2));
        frames.add(minutes("2024-07-02T16:00:00Z", 240, 3));
        frames.add(minutes("2024-07-03T13:30:00Z", 210, 4));
        lake.write(Frame.concat(frames));
        return lake;
    }

    /** {@code count} IBM 1m bars from {@code start}, one a minute. */
    public static Frame minutes(String start, int count, long seed) {
        return bars(Timeframe.M1, "IBM", start, count, seed);
    }

    /** {@code count} bars of {@code timeframe}, one per bar length from {@code start}. */
    public static Frame bars(Timeframe timeframe, String symbol, String start, int count, long seed) {
        return Bars.random(timeframe, symbol, Bars.micros(start), timeframe.micros(), count, seed);
    }
}
