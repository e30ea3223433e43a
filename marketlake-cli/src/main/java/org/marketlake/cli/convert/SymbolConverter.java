package org.marketlake.cli.convert;

import org.marketlake.core.error.MarketLakeException;
import org.marketlake.core.model.Symbol;
import picocli.CommandLine;

/** {@code --symbol}: a ticker such as {@code AAPL} or {@code BTCUSD}, as the lake names its files; the library's own message when it refuses the text. */
public final class SymbolConverter implements CommandLine.ITypeConverter<Symbol> {
    @Override
    public Symbol convert(String value) {
        try {
            return Symbol.of(value);
        } catch (MarketLakeException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
