package org.marketlake.forecast.backtest;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;

/** Where the backtest windows go: stepping back by the horizon from the end of the series. */
final class Windows {
    private Windows() {}

    /**
     * {@code count} windows of {@code horizon} values over a series of {@code size} values: the last ends at the
     * series' end, each earlier one ends where the next begins; every window keeps at least
     * {@code minimumHistory} values before it. Returned oldest first.
     *
     * @throws InvalidDataException when the series is too short for that many windows
     */
    public static List<Window> place(int size, int horizon, int count, int minimumHistory) {
        if (horizon < 1 || count < 1 || minimumHistory < 1) {
            throw new IllegalArgumentException("horizon, windows and minimum history must be at least 1: " + horizon + ", " + count + ", " + minimumHistory);
        }
        long needed = (long) horizon * count + minimumHistory;
        if (size < needed) {
            long fit = Math.max(0, (size - minimumHistory) / horizon);
            throw new InvalidDataException(count + " windows of " + horizon + " bars need at least " + needed + " bars (" + minimumHistory
                    + " of history before the first), the series has " + size + ": use " + fit + " windows or a shorter horizon").about("windows", "horizon");
        }
        List<Window> windows = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            int end = size - (count - number) * horizon;
            windows.add(new Window(number, end - horizon, end));
        }
        return windows;
    }
}
