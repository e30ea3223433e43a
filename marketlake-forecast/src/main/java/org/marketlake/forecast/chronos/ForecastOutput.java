package org.marketlake.forecast.chronos;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * A {@link ChronosForecast} as text: JSON {@code {"quantile_levels", "quantiles" [series][quantile][step], "mean"
 * [series][step]}} like the reference vectors, or CSV {@code series,step,q0.1,...,q0.9,mean} with one row per series
 * and step, both counted from 0. Values are float32 results, so they print in float32's shortest form, never
 * in exponent notation.
 */
public final class ForecastOutput {
    private ForecastOutput() {}

    public static void writeJson(ChronosForecast forecast, Writer out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("quantile_levels");
            for (double level : forecast.quantileLevels()) {
                json.writeNumber(level);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("quantiles");
            for (double[][] series : forecast.quantiles()) {
                json.writeStartArray();
                for (double[] quantile : series) {
                    writeValues(json, quantile);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("mean");
            for (double[] series : forecast.mean()) {
                writeValues(json, series);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeCsv(ChronosForecast forecast, Writer out) {
        try {
            StringBuilder line = new StringBuilder("series,step");
            for (double level : forecast.quantileLevels()) {
                line.append(",q").append(BigDecimal.valueOf(level).stripTrailingZeros().toPlainString());
            }
            out.write(line.append(",mean\n").toString());
            double[][][] quantiles = forecast.quantiles();
            for (int s = 0; s < quantiles.length; s++) {
                int steps = forecast.mean()[s].length;
                for (int t = 0; t < steps; t++) {
                    line.setLength(0);
                    line.append(s).append(',').append(t);
                    for (double[] quantile : quantiles[s]) {
                        line.append(',').append(text(quantile[t]));
                    }
                    out.write(line.append(',').append(text(forecast.mean()[s][t])).append('\n').toString());
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValues(JsonGenerator json, double[] values) throws IOException {
        json.writeStartArray();
        for (double value : values) {
            if (!Float.isFinite((float) value)) {
                json.writeNull(); // JSON has no NaN or infinity
            } else {
                json.writeNumber(text(value));
            }
        }
        json.writeEndArray();
    }

    /**
     * A float32 result in the shortest digits that read back to the same float, in plain notation as all
     * MarketLake numbers are ({@code 12.345678}, {@code 0.0000123}, {@code 42}); empty for NaN.
     */
    static String text(double value) {
        float single = (float) value;
        if (Float.isNaN(single)) {
            return "";
        }
        if (Float.isInfinite(single)) {
            return Float.toString(single);
        }
        if (single == Math.rint(single) && Math.abs(single) < 1e15f) {
            return Long.toString((long) single);
        }
        String shortest = Float.toString(single);
        return shortest.indexOf('E') < 0 ? shortest : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
