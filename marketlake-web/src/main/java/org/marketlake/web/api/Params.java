package org.marketlake.web.api;

import java.time.LocalDate;
import java.time.ZoneId;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimePoint;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.web.http.ApiRequest;

/** The API's parameters turned into the library's types, by the library's own parsers, as the CLI's converters do. */
final class Params {
    private Params() {}

    static Symbol symbol(ApiRequest request) {
        return Symbol.of(request.required("symbol"));
    }

    static Timeframe timeframe(ApiRequest request) {
        return Timeframe.parse(request.required("timeframe"));
    }

    /** {@code timeframe=1m} or {@code timeframe=quotes}. */
    static DataKind kind(ApiRequest request) {
        return DataKind.parse(request.required("timeframe"));
    }

    static ZoneId zone(ApiRequest request) {
        return TimestampParser.zone(request.text("tz"));
    }

    /**
     * {@code start} and {@code end}, both inclusive (a date as the end covers that day), read in {@code tz} when they
     * carry no offset; an absent bound is open.
     */
    static TimeRange range(ApiRequest request) {
        ZoneId zone = zone(request);
        long from = first(request, "start", Long.MIN_VALUE);
        TimePoint end = point(request, "end");
        long to = end == null ? Long.MAX_VALUE : end.last(zone);
        if (from > to) {
            throw new InvalidRequestException("the start is after the end [start=" + Micros.format(from) + ", end=" + Micros.format(to) + "]");
        }
        return new TimeRange(from, to);
    }

    /** The first microsecond of the time parameter {@code name} (read in {@code tz}), or {@code absent}. */
    static long first(ApiRequest request, String name, long absent) {
        TimePoint point = point(request, name);
        return point == null ? absent : point.first(zone(request));
    }

    /** A date parameter {@code YYYY-MM-DD}, or null when absent. */
    static LocalDate date(ApiRequest request, String name) {
        String text = request.text(name);
        if (text == null) {
            return null;
        }
        try {
            return TimestampParser.date(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("bad " + name + " [value=" + text + "]: " + e.getMessage() + " (use YYYY-MM-DD)");
        }
    }

    private static TimePoint point(ApiRequest request, String name) {
        String text = request.text(name);
        if (text == null) {
            return null;
        }
        try {
            return TimestampParser.point(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("bad " + name + " [value=" + text + "]: " + e.getMessage()
                    + " (use 2024-01-02, 2024-01-02T14:30:00Z, 2024-01-02T09:30-05:00, or 2024-01-02T09:30 with tz)");
        }
    }
}
