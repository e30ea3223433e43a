package org.marketlake.forecast.output;

import org.marketlake.forecast.model.TimedForecast;

import org.marketlake.forecast.model.Series;

import org.marketlake.forecast.model.Forecast;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.marketlake.core.format.NumberText;
import org.marketlake.core.model.Micros;

/**
 * Prints a {@link TimedForecast}, one row per step: {@code timestamp,step,q0.1,...,q0.9,mean} (the quantile
 * columns named after the forecaster's levels). CSV and JSON lines carry full precision; the table rounds for
 * reading and starts with one line naming symbol, timeframe, method and calendar.
 */
public final class ForecastOutput {
    private static final MathContext SIGNIFICANT = new MathContext(12);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ForecastOutput() {}

    public static void csv(TimedForecast result, PrintWriter out) {
        Forecast forecast = result.forecast();
        StringBuilder header = new StringBuilder("timestamp,step");
        for (double level : forecast.quantileLevels()) {
            header.append(',').append(Forecast.label(level));
        }
        out.println(header.append(",mean"));
        for (int step = 0; step < forecast.horizon(); step++) {
            StringBuilder row = new StringBuilder(Micros.format(result.timestamps()[step])).append(',').append(step + 1);
            for (double[] quantile : forecast.quantiles()) {
                row.append(',').append(number(quantile[step]));
            }
            out.println(row.append(',').append(number(forecast.mean()[step])));
        }
    }

    public static void jsonl(TimedForecast result, PrintWriter out) {
        Forecast forecast = result.forecast();
        for (int step = 0; step < forecast.horizon(); step++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", result.history().symbol().value());
            row.put("timeframe", result.history().timeframe().label());
            row.put("model", result.model());
            row.put("timestamp", Micros.format(result.timestamps()[step]));
            row.put("step", step + 1);
            for (int q = 0; q < forecast.quantileLevels().length; q++) {
                row.put(Forecast.label(forecast.quantileLevels()[q]), jsonNumber(forecast.quantiles()[q][step]));
            }
            row.put("mean", jsonNumber(forecast.mean()[step]));
            out.println(json(row));
        }
    }

    public static void table(TimedForecast result, PrintWriter out) {
        Forecast forecast = result.forecast();
        Series history = result.history();
        out.printf("%s %s %s: %d steps after %s (last close %s); calendar %s%n", history.symbol(), history.timeframe(), result.method(),
                forecast.horizon(), Micros.format(history.lastTimestamp()), number(history.values()[history.size() - 1]), result.calendar());
        int decimals = decimals(history.values()[history.size() - 1]);
        int width = Math.max(10, String.format(Locale.ROOT, "%." + decimals + "f", maxAbs(forecast)).length() + 2);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s %5s", "timestamp", "step"));
        for (double level : forecast.quantileLevels()) {
            header.append(String.format(Locale.ROOT, "%" + width + "s", Forecast.label(level)));
        }
        out.println(header.append(String.format(Locale.ROOT, "%" + width + "s", "mean")));
        for (int step = 0; step < forecast.horizon(); step++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s %5d", Micros.format(result.timestamps()[step]), step + 1));
            for (double[] quantile : forecast.quantiles()) {
                row.append(String.format(Locale.ROOT, "%" + width + "." + decimals + "f", quantile[step]));
            }
            out.println(row.append(String.format(Locale.ROOT, "%" + width + "." + decimals + "f", forecast.mean()[step])));
        }
    }

    /** Enough decimals to show a few significant digits of prices like {@code value}: 181.8 -> 3, 1.38676 -> 5. */
    static int decimals(double value) {
        double magnitude = Math.abs(value);
        int digitsBeforePoint = magnitude < 1 ? 0 : (int) Math.floor(Math.log10(magnitude)) + 1;
        return Math.max(2, Math.min(8, 6 - digitsBeforePoint));
    }

    private static double maxAbs(Forecast forecast) {
        double max = 0;
        for (double[] quantile : forecast.quantiles()) {
            for (double value : quantile) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max;
    }

    /**
     * A value for CSV: plain decimal notation (never exponent form, as every command prints numbers), rounded to
     * 12 significant digits so float noise from the quantile arithmetic ({@code 617.4999999999999}) reads as
     * the number it is ({@code 617.5}); empty for NaN (a missing value in CSV).
     */
    public static String number(double value) {
        return Double.isFinite(value) ? NumberText.format(rounded(value)) : "";
    }

    /** A value for JSON, spelled as {@link #number}; null for NaN and infinities. */
    public static Object jsonNumber(double value) {
        return Double.isFinite(value) ? new BigDecimal(NumberText.format(rounded(value))) : null;
    }

    private static double rounded(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
