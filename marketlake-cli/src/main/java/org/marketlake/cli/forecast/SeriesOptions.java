package org.marketlake.cli.forecast;

import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import picocli.CommandLine.Option;

/** The options {@code forecast} and {@code backtest} share: which series, and how much of it a model sees. */
final class SeriesOptions {
    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Symbol, e.g. IBM.")
    String symbol;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "Bar timeframe: 1s, 1m, 5m, 15m, 1h, 1d.")
    String timeframe;

    @Option(names = "--context-length", paramLabel = "N",
            description = "Past bars the model sees (default: the model's own; baselines: enough for 5,000 in-sample origins).")
    Integer contextLength;

    Symbol symbol() {
        return Symbol.of(symbol);
    }

    /** The bar timeframe of {@code --timeframe}; quotes cannot be forecast. */
    Timeframe timeframe() {
        return switch (DataKind.parse(timeframe)) {
            case DataKind.Bars bars -> bars.timeframe();
            case DataKind.Quotes quotes -> throw new InvalidRequestException("forecasts read bars [value=" + timeframe + "]: use --timeframe 1s, 1m, 5m, 15m, 1h or 1d");
        };
    }

    /** {@code --context-length}, or 0 for the model's default. */
    int contextLength() {
        if (contextLength != null && contextLength < 1) {
            throw new InvalidRequestException("--context-length must be at least 1 [value=" + contextLength + "]");
        }
        return contextLength == null ? 0 : contextLength;
    }
}
