package org.marketlake.core.model;

import org.marketlake.core.error.InvalidRequestException;

/**
 * What a lake file holds: bars of one timeframe, or quotes. A closed set: switch over it without a default.
 */
public sealed interface DataKind permits DataKind.Bars, DataKind.Quotes {

    /** Bars of one timeframe, under {@code bars/<timeframe>/}. */
    record Bars(Timeframe timeframe) implements DataKind {
        public Bars {
            if (timeframe == null) {
                throw new InvalidRequestException("bars need a timeframe");
            }
        }

        @Override
        public String label() {
            return timeframe.label();
        }
    }

    /** Quotes, one per second, under {@code quotes/}. */
    record Quotes() implements DataKind {
        @Override
        public String label() {
            return "quotes";
        }
    }

    DataKind QUOTES = new Quotes();

    /** {@code 1s}, {@code 1m}, ..., {@code 1d} or {@code quotes}: the value of {@code --timeframe}. */
    String label();

    static DataKind bars(Timeframe timeframe) {
        return new Bars(timeframe);
    }

    static DataKind parse(String text) {
        if ("quotes".equals(text)) {
            return QUOTES;
        }
        return new Bars(Timeframe.parse(text));
    }

    /** Daily bars are stored one file per year; everything else one file per month. */
    default boolean yearly() {
        return this instanceof Bars bars && bars.timeframe().isDaily();
    }

    /** The lake's column layout for this kind. */
    default LakeSchema schema() {
        return LakeSchema.of(this);
    }

    /** Name of the DuckDB view over all files of this kind: {@code bars_1m}, {@code quotes}. */
    default String viewName() {
        return switch (this) {
            case Bars bars -> "bars_" + bars.timeframe().label();
            case Quotes quotes -> "quotes";
        };
    }
}
