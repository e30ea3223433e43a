package org.marketlake.forecast.chronos;

import java.util.Arrays;

/**
 * Horizons longer than the model's own, as chronos-forecasting v2.3.0 does them: after the first block, each of
 * the Q quantile paths is appended to its own copy of the context and forecast again; the Q x Q values per step
 * are reduced back to Q quantiles (linear interpolation, as {@code torch.quantile}). Older versions roll forward
 * on the median only, which gives different numbers.
 */
final class Rollout {
    private Rollout() {}

    /** {@code result[series][quantile][step]} for {@code horizon} steps, in the series' units. */
    static float[][][] predict(BoltModel model, float[][] contexts, int horizon) {
        BoltConfig config = model.config();
        int series = contexts.length;
        int levels = config.numQuantiles();
        int block = config.predictionLength();
        int blocks = (horizon + block - 1) / block;
        float[][][] result = new float[series][levels][blocks * block];

        float[][] first = new float[series][levels * block];
        model.forward(contexts, first);
        for (int s = 0; s < series; s++) {
            for (int q = 0; q < levels; q++) {
                System.arraycopy(first[s], q * block, result[s][q], 0, block);
            }
        }
        double[] quantileLevels = config.quantiles();
        double[] samples = new double[levels * levels];
        for (int b = 1; b < blocks; b++) {
            // path (s, p): the context, then the p-th quantile of every block so far, truncated to the context length
            int available = contexts[0].length + b * block;
            int width = Math.min(available, config.contextLength());
            float[][] paths = new float[series * levels][width];
            for (int s = 0; s < series; s++) {
                for (int p = 0; p < levels; p++) {
                    float[] path = paths[s * levels + p];
                    for (int i = 0; i < width; i++) {
                        int at = available - width + i;
                        path[i] = at < contexts[s].length ? contexts[s][at] : result[s][p][at - contexts[s].length];
                    }
                }
            }
            float[][] next = new float[series * levels][levels * block];
            model.forward(paths, next);
            for (int s = 0; s < series; s++) {
                for (int t = 0; t < block; t++) {
                    for (int p = 0; p < levels; p++) {
                        for (int q = 0; q < levels; q++) {
                            samples[p * levels + q] = next[s * levels + p][q * block + t];
                        }
                    }
                    Arrays.sort(samples);
                    for (int q = 0; q < levels; q++) {
                        result[s][q][b * block + t] = (float) quantile(samples, quantileLevels[q]);
                    }
                }
            }
        }
        return result;
    }

    /** {@code torch.quantile}'s default: linear interpolation between the order statistics around level x (n-1). */
    static double quantile(double[] sorted, double level) {
        if (Double.isNaN(sorted[sorted.length - 1])) {
            return Double.NaN; // torch.quantile propagates NaN
        }
        double rank = level * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = rank - below;
        return sorted[below] + (sorted[above] - sorted[below]) * weight;
    }
}
