package org.marketlake.sources.jdbc;

import java.time.Year;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;

/** What to export: everything ({@code --all}), or one symbol, optionally one UTC year of it. */
public sealed interface ExportSelection permits ExportSelection.All, ExportSelection.OneSymbol {

    record All() implements ExportSelection {}

    /** @param year the UTC calendar year to export, or null for every year */
    record OneSymbol(Symbol symbol, Year year) implements ExportSelection {
        public OneSymbol {
            if (symbol == null) {
                throw new InvalidRequestException("a symbol is needed unless every symbol is exported").about("symbol", "all");
            }
        }
    }

    static ExportSelection all() {
        return new All();
    }

    static ExportSelection symbol(Symbol symbol) {
        return new OneSymbol(symbol, null);
    }

    static ExportSelection symbolYear(Symbol symbol, Year year) {
        return new OneSymbol(symbol, year);
    }
}
