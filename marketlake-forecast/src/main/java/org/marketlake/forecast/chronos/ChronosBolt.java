package org.marketlake.forecast.chronos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * A Chronos-Bolt model loaded from a checkpoint folder ({@code config.json} + {@code model.safetensors}).
 * The public face of the port; the forward pass lives behind it.
 *
 * <p>Follows {@code ChronosBoltPipeline.predict} of amazon-science/chronos-forecasting v2.3.0: series are
 * left-padded with NaN to the longest, the last {@code contextLength()} values kept, and horizons beyond the
 * model's own prediction length are rolled forward on every quantile path, the quantiles of all paths' quantiles
 * becoming the next block.
 */
public final class ChronosBolt {
    private final BoltModel model;

    private ChronosBolt(BoltModel model) {
        this.model = model;
    }

    /**
     * Loads a checkpoint folder; a clear error when it is not a Chronos-Bolt checkpoint. A Hugging Face cache
     * folder ({@code models--amazon--chronos-bolt-small}, with {@code snapshots/<revision>/}) works too: its most
     * recent snapshot is used.
     */
    public static ChronosBolt load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidRequestException("not a Chronos-Bolt checkpoint: " + folder + " is not a folder");
        }
        Path checkpointDir = latestSnapshot(folder);
        Path config = checkpointDir.resolve("config.json");
        Path weights = checkpointDir.resolve("model.safetensors");
        for (Path required : new Path[] {config, weights}) {
            if (!Files.isRegularFile(required)) {
                throw new InvalidRequestException("not a Chronos-Bolt checkpoint: " + required.getFileName() + " is missing in "
                        + checkpointDir + " (expected config.json and model.safetensors, e.g. from "
                        + "huggingface-cli download amazon/chronos-bolt-small --local-dir DIR)");
            }
        }
        BoltConfig boltConfig = BoltConfig.read(config);
        return new ChronosBolt(new BoltModel(boltConfig, BoltWeights.read(weights)));
    }

    private static Path latestSnapshot(Path folder) {
        Path snapshots = folder.resolve("snapshots");
        if (Files.isRegularFile(folder.resolve("config.json")) || !Files.isDirectory(snapshots)) {
            return folder;
        }
        try (Stream<Path> revisions = Files.list(snapshots)) {
            return revisions.filter(revision -> Files.isRegularFile(revision.resolve("config.json")))
                    .max(Comparator.comparing(ChronosBolt::modified))
                    .orElse(folder);
        } catch (IOException e) {
            throw new InvalidDataException("cannot list " + snapshots + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A model with seeded random weights in the shape {@code configFile} describes (a checkpoint's
     * {@code config.json}): for benchmarks and tests that need real model sizes without the real weights.
     */
    public static ChronosBolt withRandomWeights(Path configFile, long seed) {
        BoltConfig config = BoltConfig.read(configFile);
        return new ChronosBolt(new BoltModel(config, BoltWeights.random(config, seed)));
    }

    /** The quantile levels the model predicts, in config order (0.1 ... 0.9). */
    public double[] quantileLevels() {
        return model.config().quantiles();
    }

    public int contextLength() {
        return model.config().contextLength();
    }

    /** The model's own prediction length; longer horizons are rolled forward as upstream does. */
    public int predictionLength() {
        return model.config().predictionLength();
    }

    /**
     * Forecasts each series (NaN = missing; series may differ in length and are left-padded with NaN as
     * upstream does) {@code predictionLength} steps ahead.
     */
    public ChronosForecast predict(double[][] series, int predictionLength) {
        if (series.length == 0) {
            throw new InvalidRequestException("nothing to forecast: no series given");
        }
        if (predictionLength < 1) {
            throw new InvalidRequestException("prediction length must be at least 1, got " + predictionLength);
        }
        int longest = Arrays.stream(series).mapToInt(values -> values.length).max().orElse(0);
        if (longest == 0) {
            throw new InvalidRequestException("nothing to forecast: every series is empty");
        }
        for (int s = 0; s < series.length; s++) {
            for (int i = 0; i < series[s].length; i++) {
                if (Double.isInfinite(series[s][i]) || Math.abs(series[s][i]) > Float.MAX_VALUE) {
                    throw new InvalidDataException("value out of float32 range [series=" + s + ", index=" + i + ", value="
                            + series[s][i] + "]; use NaN for a missing value");
                }
            }
        }
        BoltConfig config = model.config();
        int width = Math.min(longest, config.contextLength());
        float[][] contexts = new float[series.length][width];
        for (int s = 0; s < series.length; s++) {
            double[] values = series[s];
            int kept = Math.min(values.length, width);
            Arrays.fill(contexts[s], 0, width - kept, Float.NaN);
            for (int i = 0; i < kept; i++) {
                contexts[s][width - kept + i] = (float) values[values.length - kept + i];
            }
        }
        float[][][] blocks = Rollout.predict(model, contexts, predictionLength);
        int levels = config.numQuantiles();
        double[][][] quantiles = new double[series.length][levels][predictionLength];
        for (int s = 0; s < series.length; s++) {
            for (int q = 0; q < levels; q++) {
                for (int t = 0; t < predictionLength; t++) {
                    quantiles[s][q][t] = blocks[s][q][t];
                }
            }
        }
        return new ChronosForecast(config.quantiles(), quantiles, median(config.quantiles(), quantiles));
    }

    /** Upstream reports the median as the mean; without a 0.5 level, it is interpolated between its neighbours. */
    private static double[][] median(double[] levels, double[][][] quantiles) {
        int above = 0;
        while (above < levels.length - 1 && levels[above] < 0.5) {
            above++;
        }
        int below = levels[above] > 0.5 && above > 0 ? above - 1 : above;
        double weight = below == above ? 0 : (0.5 - levels[below]) / (levels[above] - levels[below]);
        double[][] mean = new double[quantiles.length][];
        for (int s = 0; s < quantiles.length; s++) {
            double[] low = quantiles[s][below];
            double[] high = quantiles[s][above];
            mean[s] = new double[low.length];
            for (int t = 0; t < low.length; t++) {
                mean[s][t] = weight == 0 ? low[t] : low[t] + (high[t] - low[t]) * weight;
            }
        }
        return mean;
    }
}
