package org.marketlake.sources.alpaca;

import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Timeframe;

/**
 * What {@code import-api} fetches and writes: the API's own bars, bars built from its trades (through the ingest
 * aggregation), or quotes reduced to one per second. A closed set: switch over it without a default.
 */
public sealed interface ImportTarget permits ImportTarget.ApiBars, ImportTarget.TradeBars, ImportTarget.Quotes {

    /** The API's bars ({@code 1Min}, {@code 5Min}, {@code 15Min}, {@code 1Hour}, {@code 1Day}) written as they come. */
    record ApiBars(Timeframe timeframe) implements ImportTarget {
        public ApiBars {
            if (timeframe == Timeframe.S1) {
                throw new InvalidRequestException("the API has no 1-second bars: 1s is built from trades");
            }
        }
    }

    /** Trades into 1s bars, then {@code timeframe} rolled up from the stored 1s bars (1s: also 1m and 1d). */
    record TradeBars(Timeframe timeframe) implements ImportTarget {}

    /** Quotes, one per second (the tightest spread). */
    record Quotes() implements ImportTarget {}

    /** {@code 1s}, {@code 1m}, ..., {@code 1d} or {@code quotes}, with {@code --from-trades} for bars other than 1s. */
    static ImportTarget parse(String text, boolean fromTrades) {
        if ("quotes".equals(text)) {
            if (fromTrades) {
                throw new InvalidRequestException("bars built from trades are bars, not quotes").about("from trades");
            }
            return new Quotes();
        }
        Timeframe timeframe = Timeframe.parse(text);
        return timeframe == Timeframe.S1 || fromTrades ? new TradeBars(timeframe) : new ApiBars(timeframe);
    }

    /** The record shape fetched. */
    default Shape shape() {
        return switch (this) {
            case ApiBars bars -> Shape.BARS;
            case TradeBars bars -> Shape.TRADES;
            case Quotes quotes -> Shape.QUOTES;
        };
    }

    /** The lake kind whose files the work is split by: API bars by their own file, trades and quotes by month. */
    default DataKind unitKind() {
        return switch (this) {
            case ApiBars bars -> DataKind.bars(bars.timeframe());
            case TradeBars bars -> DataKind.bars(Timeframe.S1);
            case Quotes quotes -> DataKind.QUOTES;
        };
    }

    default Period unitOf(long micros) {
        return Period.containing(unitKind(), micros);
    }

    /** What is imported, in words: {@code 1m}, {@code 1m from trades}, {@code quotes}; also the resume log's key. */
    default String label() {
        return switch (this) {
            case ApiBars bars -> bars.timeframe().label();
            case TradeBars bars -> bars.timeframe() == Timeframe.S1 ? "1s" : bars.timeframe().label() + " from trades";
            case Quotes quotes -> "quotes";
        };
    }

    /** The API's name of a bar timeframe. */
    static String apiTimeframe(Timeframe timeframe) {
        return switch (timeframe) {
            case S1 -> throw new InvalidRequestException("the API has no 1-second bars");
            case M1 -> "1Min";
            case M5 -> "5Min";
            case M15 -> "15Min";
            case H1 -> "1Hour";
            case D1 -> "1Day";
        };
    }
}
