package org.marketlake.core.format;

import java.math.BigDecimal;

/**
 * Numbers as text for people and CSV: plain decimal notation, never exponent form, in the shortest text that
 * reads back to the same double ({@code 0.1}, {@code 187.35}, {@code 1500000}, {@code 0.00000123}).
 */
public final class NumberText {
    private NumberText() {}

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // Double.toString gives the shortest digits that round-trip (JDK 19+); BigDecimal only re-spells them.
        String shortest = Double.toString(value);
        if (shortest.indexOf('E') < 0) {
            return shortest;
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
