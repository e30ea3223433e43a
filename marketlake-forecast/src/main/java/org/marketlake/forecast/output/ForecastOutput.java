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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketlake.core.format.NumberText;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Micros;

/**
 * A {@link TimedForecast} as records, one per step: {@code timestamp,step,q0.1,...,q0.9,mean} (the quantile
 * columns named after the forecaster's levels), printed by the shared writers at full precision; and the
 * table, which rounds for reading and starts with one line naming symbol, timeframe, method and calendar.
 */
public final class ForecastOutput {
    private static final MathContext SIGNIFICANT = new MathContext(12);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ForecastOutput() {}

    /**
     * One row per step, for the shared csv/json/jsonl writers: {@code symbol,timeframe,model} when
     * {@code withSeries} (JSON, where each record stands alone), then {@code timestamp,step,q0.1..q0.9,mean};
     * numbers as {@link #jsonNumber}, NaN as null.
     */
    public static Rows rows(TimedForecast result, boolean withSeries) {
        Forecast forecast = result.forecast();
        List<String> names = new ArrayList<>();
        if (withSeries) {
            names.addAll(List.of("symbol", "timeframe", "model"));
        }
        names.addAll(List.of("timestamp", "step"));
        for (double level : forecast.quantileLevels()) {
            names.add(Forecast.label(level));
        }
        names.add("mean");
        List<Object[]> rows = new ArrayList<>(forecast.horizon());
        for (int step = 0; step < forecast.horizon(); step++) {
            List<Object> row = new ArrayList<>(names.size());
            if (withSeries) {
                row.addAll(List.of(result.history().symbol().value(), result.history().timeframe().label(), result.model()));
            }
            row.add(Micros.toInstant(result.timestamps()[step]));
            row.add(step + 1);
            for (double[] quantile : forecast.quantiles()) {
                row.add(jsonNumber(quantile[step]));
            }
            row.add(jsonNumber(forecast.mean()[step]));
            rows.add(row.toArray());
        }
        return Rows.table(names, rows);
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
