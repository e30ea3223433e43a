package org.marketlake.forecast.chronos;

import java.nio.file.Path;

/**
 * A Chronos-Bolt model loaded from a checkpoint folder ({@code config.json} + {@code model.safetensors}).
 * The public face of the port; the forward pass lives behind it.
 */
public final class ChronosBolt {
    private ChronosBolt() {}

    /** Loads a checkpoint folder; a clear error when it is not a Chronos-Bolt checkpoint. */
    public static ChronosBolt load(Path checkpointDir) {
        throw new UnsupportedOperationException("Chronos-Bolt port not implemented yet");
    }

    /** The quantile levels the model predicts, in config order (0.1 ... 0.9). */
    public double[] quantileLevels() {
        throw new UnsupportedOperationException("not yet");
    }

    public int contextLength() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The model's own prediction length; longer horizons are rolled forward as upstream does. */
    public int predictionLength() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Forecasts each series (NaN = missing; series may differ in length and are left-padded with NaN as
     * upstream does) {@code predictionLength} steps ahead.
     */
    public ChronosForecast predict(double[][] series, int predictionLength) {
        throw new UnsupportedOperationException("not yet");
    }
}
