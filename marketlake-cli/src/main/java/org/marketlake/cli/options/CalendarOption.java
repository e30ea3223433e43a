package org.marketlake.cli.options;

import java.nio.file.Path;
import org.marketlake.cli.convert.CalendarConverter;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.model.Symbol;
import picocli.CommandLine.Option;

/** {@code --calendar NAME}, for every command whose answer depends on when a symbol trades: {@code @Mixin CalendarOption calendar;}. */
public final class CalendarOption {
    @Option(names = "--calendar", paramLabel = "NAME", converter = CalendarConverter.class,
            description = "Trading calendar: XNYS, 24/7 or FX (default: the symbol's entry in the lake's symbols.yaml, else XNYS).")
    TradingCalendar calendar;

    /** The calendar given, or null when none was (the library then chooses). */
    public TradingCalendar asked() {
        return calendar;
    }

    /** The calendar given, else the one the lake at {@code root} sets for {@code symbol}. */
    public TradingCalendar of(Path root, Symbol symbol) {
        return calendar != null ? calendar : SymbolCalendars.of(root).of(symbol);
    }
}
