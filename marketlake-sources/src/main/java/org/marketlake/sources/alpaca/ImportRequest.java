package org.marketlake.sources.alpaca;

import java.time.LocalDate;
import java.util.List;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;

/**
 * One {@code import-api} run: what to fetch, for which symbols, over which New York trading dates (inclusive).
 *
 * @param refetch fetch units that earlier runs finished ({@code --force})
 */
public record ImportRequest(ImportTarget target, List<Symbol> symbols, LocalDate start, LocalDate end, Feed feed, Adjustment adjustment,
        boolean refetch) {
    public ImportRequest {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new InvalidRequestException("no symbol given: use one symbol or a comma list such as AAPL,MSFT");
        }
        if (start.isAfter(end)) {
            throw new InvalidRequestException("START " + start + " is after END " + end);
        }
        if (target == null || feed == null || adjustment == null) {
            throw new IllegalArgumentException("an import needs a target, a feed and an adjustment");
        }
    }

    public static ImportRequest of(ImportTarget target, List<Symbol> symbols, LocalDate start, LocalDate end) {
        return new ImportRequest(target, symbols, start, end, Feed.IEX, Adjustment.RAW, false);
    }

    public ImportRequest refetching() {
        return new ImportRequest(target, symbols, start, end, feed, adjustment, true);
    }
}
