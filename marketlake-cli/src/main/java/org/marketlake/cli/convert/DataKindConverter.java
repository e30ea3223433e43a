package org.marketlake.cli.convert;

import org.marketlake.core.error.MarketLakeException;
import org.marketlake.core.model.DataKind;
import picocli.CommandLine;

/** {@code query --timeframe}: a bar timeframe, or {@code quotes}; the library's own message when it refuses the text. */
public final class DataKindConverter implements CommandLine.ITypeConverter<DataKind> {
    @Override
    public DataKind convert(String value) {
        try {
            return DataKind.parse(value);
        } catch (MarketLakeException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
