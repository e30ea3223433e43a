package org.marketlake.core.model;

import java.time.LocalDate;

/**
 * The adjustment of one symbol's bars whose trading date (the UTC date of a daily bar, the date in {@code zone} of
 * an intraday one) is on or after {@code from} (null: since the first) and
 * before {@code until}: prices multiplied by {@code price}, volumes by {@code volume}. SQL views over adjusted bars
 * are built from these.
 */
public record FactorSpan(Symbol symbol, java.time.ZoneId zone, LocalDate from, LocalDate until, double price, double volume) {
    public FactorSpan {
        if (symbol == null || zone == null || until == null || (from != null && !from.isBefore(until))) {
            throw new IllegalArgumentException("a factor span needs a symbol and from before until: " + from + " .. " + until);
        }
        if (!(price > 0) || !(volume > 0) || Double.isInfinite(price) || Double.isInfinite(volume)) {
            throw new IllegalArgumentException("factors must be finite and above 0: price " + price + ", volume " + volume);
        }
    }
}
