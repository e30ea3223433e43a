package org.marketlake.forecast.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.marketlake.core.model.Timeframe;

/**
 * Tick labels for an axis of bar positions: position {@code i} is labelled with the time of bar {@code i}. Charts
 * plot bars by position, not by time, so closed hours and weekends take no room; the labels still say when.
 */
final class TimeLabels extends NumberFormat {
    private final long[] timestamps;
    private final DateTimeFormatter format;

    TimeLabels(long[] timestamps, Timeframe timeframe) {
        this.timestamps = timestamps.clone();
        long span = timestamps.length == 0 ? 0 : timestamps[timestamps.length - 1] - timestamps[0];
        String pattern = timeframe.isDaily() ? "yyyy-MM-dd"
                : timeframe == Timeframe.S1 ? (span > 86_400_000_000L ? "MM-dd HH:mm:ss" : "HH:mm:ss")
                : span > 86_400_000_000L || crossesDay(timestamps) ? "MM-dd HH:mm" : "HH:mm";
        this.format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }

    private static boolean crossesDay(long[] timestamps) {
        return timestamps.length > 0 && Math.floorDiv(timestamps[0], 86_400_000_000L) != Math.floorDiv(timestamps[timestamps.length - 1], 86_400_000_000L);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        long position = Math.round(number);
        if (Math.abs(number - position) > 1e-6 || position < 0 || position >= timestamps.length) {
            return toAppendTo;
        }
        long micros = timestamps[(int) position];
        return toAppendTo.append(format.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
