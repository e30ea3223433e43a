package org.marketlake.cli.lake;

import org.marketlake.core.format.NumberText;

/** A one-line chart of a series in Unicode blocks, with its low and high: enough to see a day's shape. */
final class Sparkline {
    private static final char[] BLOCKS = {'\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'};

    private Sparkline() {}

    /** One block per {@code every} values (the last value of each run). */
    static String of(double[] values, int size, int every) {
        if (size == 0) {
            return "(no data)";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        StringBuilder line = new StringBuilder();
        for (int i = every - 1; i < size + every - 1; i += every) {
            double value = values[Math.min(i, size - 1)];
            int level = max == min ? 3 : (int) Math.round((value - min) / (max - min) * (BLOCKS.length - 1));
            line.append(BLOCKS[level]);
        }
        return line + "  low " + NumberText.format(min) + ", high " + NumberText.format(max);
    }
}
