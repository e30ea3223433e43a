package org.marketlake.loader.discovery;

import java.util.Optional;
import org.marketlake.core.error.InvalidRequestException;

/**
 * Which files to read: a year or a year range (one is required where the command says so), a month or a month
 * range (all months when neither), and optionally symbol, timeframe ({@code 1min}, also {@code 1m}), horizon and
 * hash. Ranges are inclusive.
 */
public record Selection(int firstYear, int lastYear, int firstMonth, int lastMonth, Optional<String> symbol,
        Optional<String> timeframe, Optional<Integer> horizon, Optional<String> hash) {
    public static final int ANY_YEAR_FIRST = 1;
    public static final int ANY_YEAR_LAST = 9999;

    public Selection {
        if (firstYear > lastYear) {
            throw new InvalidRequestException("year range is empty: " + firstYear + ":" + lastYear);
        }
        if (firstMonth < 1 || lastMonth > 12 || firstMonth > lastMonth) {
            throw new InvalidRequestException("month range must lie within 1:12 and not be empty, got " + firstMonth + ":" + lastMonth);
        }
        timeframe = timeframe.map(Selection::normalizeTimeframe);
    }

    /** Every year and month, optionally narrowed by the other fields later. */
    public static Selection all() {
        return new Selection(ANY_YEAR_FIRST, ANY_YEAR_LAST, 1, 12, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Selection withYears(int first, int last) {
        return new Selection(first, last, firstMonth, lastMonth, symbol, timeframe, horizon, hash);
    }

    public Selection withMonths(int first, int last) {
        return new Selection(firstYear, lastYear, first, last, symbol, timeframe, horizon, hash);
    }

    public Selection withSymbol(String value) {
        return new Selection(firstYear, lastYear, firstMonth, lastMonth, Optional.ofNullable(value), timeframe, horizon, hash);
    }

    public Selection withTimeframe(String value) {
        return new Selection(firstYear, lastYear, firstMonth, lastMonth, symbol, Optional.ofNullable(value), horizon, hash);
    }

    public Selection withHorizon(Integer value) {
        return new Selection(firstYear, lastYear, firstMonth, lastMonth, symbol, timeframe, Optional.ofNullable(value), hash);
    }

    public Selection withHash(String value) {
        return new Selection(firstYear, lastYear, firstMonth, lastMonth, symbol, timeframe, horizon, Optional.ofNullable(value));
    }

    public boolean hasYears() {
        return firstYear != ANY_YEAR_FIRST || lastYear != ANY_YEAR_LAST;
    }

    boolean matches(FileInfo file) {
        return file.year() >= firstYear && file.year() <= lastYear && file.month() >= firstMonth && file.month() <= lastMonth
                && symbol.map(file.symbol()::equals).orElse(true)
                && timeframe.map(wanted -> wanted.equals(normalizeTimeframe(file.timeframe()))).orElse(true)
                && horizon.map(wanted -> wanted == file.horizon()).orElse(true)
                && hash.map(file.hash()::equals).orElse(true);
    }

    /**
     * The design's {@code <N>min} form: {@code 1m} and {@code 1min} are the same, {@code 1h} is {@code 60min},
     * {@code 1d} is {@code 1440min}. Anything else is kept as written.
     */
    public static String normalizeTimeframe(String text) {
        var matcher = java.util.regex.Pattern.compile("([0-9]+)(m|min|h|d)").matcher(text);
        if (!matcher.matches()) {
            return text;
        }
        long number = Long.parseLong(matcher.group(1));
        long minutes = switch (matcher.group(2)) {
            case "h" -> number * 60;
            case "d" -> number * 1440;
            default -> number;
        };
        return minutes + "min";
    }

    /** The length of a {@code <N>min} timeframe in microseconds, or -1 when the text is no such timeframe. */
    public static long timeframeMicros(String text) {
        String normalized = normalizeTimeframe(text);
        if (!normalized.endsWith("min")) {
            return -1;
        }
        return Long.parseLong(normalized.substring(0, normalized.length() - 3)) * 60_000_000L;
    }
}
