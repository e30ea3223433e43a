package org.marketlake.forecast;

import org.marketlake.forecast.model.SeasonLength;

import org.marketlake.forecast.model.Forecaster;

import org.marketlake.forecast.model.Forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.forecast.baseline.Baselines;
import org.marketlake.forecast.chronos.ChronosBolt;

/** Turns a {@code --model} value into a forecaster: a baseline name, or a Chronos-Bolt checkpoint folder. */
final class Forecasters {
    private Forecasters() {}

    /**
     * {@code naive}, {@code seasonal-naive}, {@code drift}, or the path of a Chronos-Bolt checkpoint folder.
     *
     * @param season the season of the series (baselines use it; Chronos ignores it)
     * @param contextLength values the model sees, or 0 for its default
     */
    public static Forecaster of(String model, SeasonLength season, int contextLength) {
        if (contextLength < 0) {
            throw new InvalidRequestException("context length must be at least 1 [value=" + contextLength + "]").about("context length");
        }
        if (Baselines.isBaseline(model)) {
            Forecaster baseline = Baselines.named(model, season);
            return contextLength == 0 ? baseline : new Truncated(baseline, contextLength);
        }
        Path folder = Path.of(model);
        if (!Files.isDirectory(folder)) {
            throw new InvalidRequestException("unknown model [value=" + model + "]: use naive, seasonal-naive, drift or a Chronos-Bolt checkpoint folder (config.json + model.safetensors)");
        }
        return chronos(ChronosBolt.load(folder), contextLength);
    }

    /** Chronos-Bolt over the last {@code contextLength} values (0: the model's own context length). */
    public static Forecaster chronos(ChronosBolt model, int contextLength) {
        return new ChronosForecaster(model, contextLength == 0 ? model.contextLength() : contextLength);
    }

    /** A forecaster that only sees the last {@code contextLength} values. */
    private record Truncated(Forecaster inner, int context) implements Forecaster {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Forecast forecast(double[] history, int horizon) {
            int from = Math.max(0, history.length - context);
            return inner.forecast(java.util.Arrays.copyOfRange(history, from, history.length), horizon);
        }

        @Override
        public int contextLength(int horizon) {
            return context;
        }

        @Override
        public String describe(int historyLength) {
            return inner.describe(Math.min(historyLength, context));
        }
    }
}
