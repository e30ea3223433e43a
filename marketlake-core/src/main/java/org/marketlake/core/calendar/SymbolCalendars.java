package org.marketlake.core.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketlake.core.error.InvalidConfigException;
import org.marketlake.core.model.Symbol;

/**
 * Which calendar each symbol trades on, said once per lake in {@code <root>/symbols.yaml}:
 *
 * <pre>
 * default: XNYS          # optional; XNYS when absent
 * symbols:
 *   BTCUSD: 24/7
 *   EURUSD: FX
 * </pre>
 *
 * A lake without the file puts every symbol on {@code XNYS}. A command's {@code --calendar} overrides both.
 */
public final class SymbolCalendars {
    public static final String FILE = "symbols.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TradingCalendar fallback;
    private final Map<Symbol, TradingCalendar> bySymbol;
    /** Whether the file names a default (else XNYS is only assumed). */
    private final boolean defaultGiven;

    private SymbolCalendars(TradingCalendar fallback, Map<Symbol, TradingCalendar> bySymbol, boolean defaultGiven) {
        this.fallback = fallback;
        this.bySymbol = Map.copyOf(bySymbol);
        this.defaultGiven = defaultGiven;
    }

    /** The file as written: an optional default calendar and a map of symbol to calendar name. */
    record FileContent(@JsonProperty("default") String defaultCalendar, @JsonProperty("symbols") Map<String, String> symbols) {}

    /** The calendars of the lake at {@code root}: its {@code symbols.yaml}, or XNYS for every symbol without one. */
    public static SymbolCalendars of(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new SymbolCalendars(TradingCalendars.of(TradingCalendars.XNYS), Map.of(), false);
        }
        FileContent content;
        try {
            content = YAML.readValue(file.toFile(), FileContent.class);
        } catch (IOException e) {
            throw new InvalidConfigException("cannot read the symbol calendars [file=" + file + "]: " + firstLine(e.getMessage())
                    + " (expected 'default: XNYS' and 'symbols: {BTCUSD: 24/7, EURUSD: FX}')");
        }
        if (content == null) {
            return new SymbolCalendars(TradingCalendars.of(TradingCalendars.XNYS), Map.of(), false);
        }
        TradingCalendar fallback = calendar(file, "default", content.defaultCalendar() == null ? TradingCalendars.XNYS : content.defaultCalendar());
        Map<Symbol, TradingCalendar> bySymbol = new LinkedHashMap<>();
        if (content.symbols() != null) {
            content.symbols().forEach((symbol, name) -> bySymbol.put(Symbol.of(symbol), calendar(file, "symbols." + symbol, name)));
        }
        return new SymbolCalendars(fallback, bySymbol, content.defaultCalendar() != null);
    }

    /** The calendar {@code symbol} trades on. */
    public TradingCalendar of(Symbol symbol) {
        return bySymbol.getOrDefault(symbol, fallback);
    }

    /** The calendar the file names for {@code symbol} (its entry, else the file's default), if it names one. */
    public java.util.Optional<TradingCalendar> configured(Symbol symbol) {
        TradingCalendar named = bySymbol.get(symbol);
        return named != null ? java.util.Optional.of(named) : defaultGiven ? java.util.Optional.of(fallback) : java.util.Optional.empty();
    }

    private static TradingCalendar calendar(Path file, String key, String name) {
        try {
            return TradingCalendars.of(name);
        } catch (RuntimeException e) {
            throw new InvalidConfigException("unknown calendar [file=" + file + ", key=" + key + ", value=" + name + "]: use one of "
                    + String.join(", ", TradingCalendars.names()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
