package org.marketlake.forecast.chronos;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * The Chronos-Bolt network: instance normalisation, patches of values and their observed-mask through the input
 * residual block, a [REG] token, the T5 encoder, a one-step T5 decoder and the output residual block giving every
 * quantile for every step at once, scaled back. Series are independent, so a batch is cut into groups that run on
 * all cores, each with a {@link Workspace} of its own; a group's tokens are stacked into one matrix so each weight
 * tile is reused across all of them.
 */
final class BoltModel {
    /** Series per group: enough rows (8 x 33 tokens for a 512 context) to reuse each weight tile well. */
    private static final int MAX_GROUP = 8;
    /** Fewest rows worth a task of their own when one group's products are shared between cores. */
    private static final int MIN_ROWS_PER_TASK = 8;
    /** Upstream's InstanceNorm eps, the scale of a constant series, as float32. */
    private static final float SCALE_FLOOR = 1e-5f;

    record Linear(float[][] weight, float[] bias) {
        static Linear of(BoltWeights weights, String name, int out, int in, boolean withBias) {
            return new Linear(weights.transposed(name + ".weight", out, in),
                    withBias ? weights.vector(name + ".bias", out) : null);
        }

    }

    record ResidualBlock(Linear hidden, Linear output, Linear residual) {
        static ResidualBlock of(BoltWeights weights, String name, int in, int hidden, int out) {
            return new ResidualBlock(
                    Linear.of(weights, name + ".hidden_layer", hidden, in, true),
                    Linear.of(weights, name + ".output_layer", out, hidden, true),
                    Linear.of(weights, name + ".residual_layer", out, in, true));
        }
    }

    record Attention(Linear q, Linear k, Linear v, Linear o) {
        static Attention of(BoltWeights weights, String name, int d, int inner) {
            return new Attention(
                    Linear.of(weights, name + ".q", inner, d, false),
                    Linear.of(weights, name + ".k", inner, d, false),
                    Linear.of(weights, name + ".v", inner, d, false),
                    Linear.of(weights, name + ".o", d, inner, false));
        }
    }

    record EncoderLayer(float[] attentionNorm, Attention attention, float[] feedForwardNorm, Linear wi, Linear wo) {}

    /** The decoder's self-attention sees only its one token, so only its value and output projections matter. */
    record DecoderLayer(
            float[] selfNorm, Linear selfValue, Linear selfOutput,
            float[] crossNorm, Attention cross,
            float[] feedForwardNorm, Linear wi, Linear wo) {}

    private final BoltConfig config;
    private final ResidualBlock inputEmbedding;
    private final ResidualBlock outputEmbedding;
    private final float[][] shared;
    private final float[][] relativeBias;
    private final EncoderLayer[] encoder;
    private final float[] encoderFinalNorm;
    private final DecoderLayer[] decoder;
    private final float[] decoderFinalNorm;
    /**
     * Buffers for the groups in flight, taken by a task and handed back after: a pool owned by the model rather
     * than thread-locals, which would keep the model's weights alive on pool threads after the model is dropped.
     */
    private final ConcurrentLinkedQueue<Workspace> workspaces = new ConcurrentLinkedQueue<>();

    BoltModel(BoltConfig config, BoltWeights weights) {
        this.config = config;
        int d = config.dModel();
        int inner = config.innerDim();
        int ff = config.dFf();
        inputEmbedding = ResidualBlock.of(weights, "input_patch_embedding", 2 * config.patchSize(), ff, d);
        outputEmbedding = ResidualBlock.of(
                weights, "output_patch_embedding", d, ff, config.numQuantiles() * config.predictionLength());
        shared = weights.table("shared.weight", config.useRegToken() ? 2 : 1, d);
        relativeBias = weights.table("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                config.relativeAttentionNumBuckets(), config.numHeads());
        encoder = new EncoderLayer[config.numLayers()];
        for (int layer = 0; layer < encoder.length; layer++) {
            String prefix = "encoder.block." + layer + ".layer.";
            encoder[layer] = new EncoderLayer(
                    weights.vector(prefix + "0.layer_norm.weight", d),
                    Attention.of(weights, prefix + "0.SelfAttention", d, inner),
                    weights.vector(prefix + "1.layer_norm.weight", d),
                    Linear.of(weights, prefix + "1.DenseReluDense.wi", ff, d, false),
                    Linear.of(weights, prefix + "1.DenseReluDense.wo", d, ff, false));
        }
        encoderFinalNorm = weights.vector("encoder.final_layer_norm.weight", d);
        decoder = new DecoderLayer[config.numDecoderLayers()];
        for (int layer = 0; layer < decoder.length; layer++) {
            String prefix = "decoder.block." + layer + ".layer.";
            decoder[layer] = new DecoderLayer(
                    weights.vector(prefix + "0.layer_norm.weight", d),
                    Linear.of(weights, prefix + "0.SelfAttention.v", inner, d, false),
                    Linear.of(weights, prefix + "0.SelfAttention.o", d, inner, false),
                    weights.vector(prefix + "1.layer_norm.weight", d),
                    Attention.of(weights, prefix + "1.EncDecAttention", d, inner),
                    weights.vector(prefix + "2.layer_norm.weight", d),
                    Linear.of(weights, prefix + "2.DenseReluDense.wi", ff, d, false),
                    Linear.of(weights, prefix + "2.DenseReluDense.wo", d, ff, false));
        }
        decoderFinalNorm = weights.vector("decoder.final_layer_norm.weight", d);
    }

    BoltConfig config() {
        return config;
    }

    /**
     * One model block for each context (all of one length, at most the context length, NaN = missing):
     * {@code out[series][quantile * predictionLength + step]}, in the series' own units.
     */
    void forward(float[][] contexts, float[][] out) {
        int count = contexts.length;
        int length = contexts[0].length;
        int tokens = config.tokens(length);
        int[][] buckets = RelativePositions.table(tokens, true,
                config.relativeAttentionNumBuckets(), config.relativeAttentionMaxDistance());
        int threads = Runtime.getRuntime().availableProcessors();
        int group = Math.max(1, Math.min(MAX_GROUP, (count + threads - 1) / threads));
        int groups = (count + group - 1) / group;
        // fewer groups than cores (a single series, say): each group's products are split across the cores instead
        int coresPerGroup = Math.max(1, threads / groups);
        IntStream.range(0, groups).parallel().forEach(g -> {
            Workspace workspace = workspaces.poll();
            if (workspace == null) {
                workspace = new Workspace(this);
            }
            try {
                workspace.coresPerGroup = coresPerGroup;
                workspace.run(contexts, g * group, Math.min(count, (g + 1) * group), tokens, buckets, out);
            } finally {
                workspaces.offer(workspace);
            }
        });
    }

    /** The buffers of one group at a time; they grow to the largest group seen and are then reused. */
    private static final class Workspace {
        private final BoltModel model;
        private final BoltConfig config;
        private int coresPerGroup = 1;
        private int rowCapacity;
        private int seriesCapacity;
        private float[][] patches;
        private float[][] hidden;
        private float[][] x;
        private float[][] normed;
        private float[][] update;
        private float[][] encoded;
        private float[][] queries;
        private float[][] keys;
        private float[][] values;
        private float[][] context;
        private boolean[] observed;
        private float[] scores = new float[0];
        private float[][] keysTransposed = new float[0][0];
        private float[] loc;
        private float[] scale;
        private float[][] decoderX;
        private float[][] decoderNormed;
        private float[][] decoderUpdate;
        private float[][] decoderInner;
        private float[][] decoderContext;
        private float[][] decoderHidden;
        private float[][] quantilesOut;
        private float[][] quantilesResidual;

        Workspace(BoltModel model) {
            this.model = model;
            this.config = model.config;
        }

        private void ensure(int rows, int series, int tokens) {
            int d = config.dModel();
            int inner = config.innerDim();
            int ff = config.dFf();
            if (rows > rowCapacity) {
                rowCapacity = rows;
                patches = new float[rows][2 * config.patchSize()];
                hidden = new float[rows][ff];
                x = new float[rows][d];
                normed = new float[rows][d];
                update = new float[rows][d];
                encoded = new float[rows][d];
                queries = new float[rows][inner];
                keys = new float[rows][inner];
                values = new float[rows][inner];
                context = new float[rows][inner];
                observed = new boolean[rows];
            }
            if (series > seriesCapacity) {
                seriesCapacity = series;
                int outputs = config.numQuantiles() * config.predictionLength();
                loc = new float[series];
                scale = new float[series];
                decoderX = new float[series][d];
                decoderNormed = new float[series][d];
                decoderUpdate = new float[series][d];
                decoderInner = new float[series][inner];
                decoderContext = new float[series][inner];
                decoderHidden = new float[series][ff];
                quantilesOut = new float[series][outputs];
                quantilesResidual = new float[series][outputs];
            }
            if (scores.length < tokens) {
                scores = new float[tokens];
                keysTransposed = new float[config.dKv()][tokens];
            }
        }

        void run(float[][] contexts, int from, int to, int tokens, int[][] buckets, float[][] out) {
            int series = to - from;
            int rows = series * tokens;
            ensure(rows, series, tokens);
            for (int s = 0; s < series; s++) {
                embedInputs(contexts[from + s], s, tokens);
            }
            encode(rows, series, tokens, buckets);
            decode(series, tokens);
            ResidualBlock head = model.outputEmbedding;
            linear(head.hidden(), decoderNormed, series, decoderHidden);
            relu(decoderHidden, series, config.dFf());
            linear(head.output(), decoderHidden, series, quantilesOut);
            linear(head.residual(), decoderNormed, series, quantilesResidual);
            for (int s = 0; s < series; s++) {
                float[] result = out[from + s];
                float[] main = quantilesOut[s];
                float[] residual = quantilesResidual[s];
                for (int j = 0; j < result.length; j++) {
                    result[j] = (main[j] + residual[j]) * scale[s] + loc[s];
                }
            }
        }

        /** Normalises one series and writes its patch rows (values where observed, else 0, then the mask). */
        private void embedInputs(float[] series, int s, int tokens) {
            int length = series.length;
            double sum = 0;
            int count = 0;
            for (float value : series) {
                if (!Float.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            float mean = count == 0 ? 0f : (float) (sum / count);
            double squares = 0;
            for (float value : series) {
                if (!Float.isNaN(value)) {
                    double deviation = value - mean;
                    squares += deviation * deviation;
                }
            }
            float deviation = count == 0 ? 1f : (float) Math.sqrt(squares / count);
            loc[s] = mean;
            scale[s] = deviation == 0f ? SCALE_FLOOR : deviation;

            int patchSize = config.patchSize();
            int padding = config.paddedLength(length) - length;
            int patchCount = config.patches(length);
            int base = s * tokens;
            for (int p = 0; p < tokens; p++) {
                float[] row = patches[base + p];
                java.util.Arrays.fill(row, 0f);
                boolean any = false;
                if (p < patchCount) {
                    for (int i = 0; i < patchSize; i++) {
                        int at = p * config.patchStride() + i - padding;
                        if (at >= 0 && !Float.isNaN(series[at])) {
                            row[i] = (series[at] - loc[s]) / scale[s];
                            row[patchSize + i] = 1f;
                            any = true;
                        }
                    }
                }
                observed[base + p] = any;
            }
            if (config.useRegToken()) {
                observed[base + tokens - 1] = true;
            }
        }

        private void encode(int rows, int series, int tokens, int[][] buckets) {
            ResidualBlock input = model.inputEmbedding;
            linear(input.hidden(), patches, rows, hidden);
            relu(hidden, rows, config.dFf());
            linear(input.output(), hidden, rows, x);
            linear(input.residual(), patches, rows, update);
            add(x, update, rows);
            if (config.useRegToken()) {
                for (int s = 0; s < series; s++) {
                    System.arraycopy(model.shared[config.regTokenId()], 0, x[s * tokens + tokens - 1], 0, config.dModel());
                }
            }
            for (EncoderLayer layer : model.encoder) {
                rmsNorm(x, rows, layer.attentionNorm(), normed);
                Attention attention = layer.attention();
                linear(attention.q(), normed, rows, queries);
                linear(attention.k(), normed, rows, keys);
                linear(attention.v(), normed, rows, values);
                for (int s = 0; s < series; s++) {
                    selfAttention(s * tokens, tokens, buckets);
                }
                linear(attention.o(), context, rows, update);
                add(x, update, rows);
                rmsNorm(x, rows, layer.feedForwardNorm(), normed);
                linear(layer.wi(), normed, rows, hidden);
                relu(hidden, rows, config.dFf());
                linear(layer.wo(), hidden, rows, update);
                add(x, update, rows);
            }
            rmsNorm(x, rows, model.encoderFinalNorm, encoded);
        }

        private void decode(int series, int tokens) {
            int rows = series * tokens;
            for (int s = 0; s < series; s++) {
                System.arraycopy(model.shared[config.decoderStartTokenId()], 0, decoderX[s], 0, config.dModel());
            }
            for (DecoderLayer layer : model.decoder) {
                // self-attention over a single position: its softmax weight is 1, so the output is o(v(x))
                rmsNorm(decoderX, series, layer.selfNorm(), decoderNormed);
                linear(layer.selfValue(), decoderNormed, series, decoderInner);
                linear(layer.selfOutput(), decoderInner, series, decoderUpdate);
                add(decoderX, decoderUpdate, series);

                rmsNorm(decoderX, series, layer.crossNorm(), decoderNormed);
                Attention cross = layer.cross();
                linear(cross.q(), decoderNormed, series, decoderInner);
                linear(cross.k(), encoded, rows, keys);
                linear(cross.v(), encoded, rows, values);
                for (int s = 0; s < series; s++) {
                    crossAttention(decoderInner[s], s * tokens, tokens, decoderContext[s]);
                }
                linear(cross.o(), decoderContext, series, decoderUpdate);
                add(decoderX, decoderUpdate, series);

                rmsNorm(decoderX, series, layer.feedForwardNorm(), decoderNormed);
                linear(layer.wi(), decoderNormed, series, decoderHidden);
                relu(decoderHidden, series, config.dFf());
                linear(layer.wo(), decoderHidden, series, decoderUpdate);
                add(decoderX, decoderUpdate, series);
            }
            rmsNorm(decoderX, series, model.decoderFinalNorm, decoderNormed);
        }

        /**
         * The encoder's multi-head self-attention over one series' {@code tokens} rows from {@code base}. Scores
         * for all keys of a query come from the head's keys transposed, as row updates the JIT vectorizes (a dot
         * product per key would not be); T5 adds the layer-0 relative position bias and does not scale the scores.
         */
        private void selfAttention(int base, int tokens, int[][] buckets) {
            int dKv = config.dKv();
            boolean anyObserved = anyObserved(base, tokens);
            for (int head = 0; head < config.numHeads(); head++) {
                int offset = head * dKv;
                for (int j = 0; j < tokens; j++) {
                    float[] key = keys[base + j];
                    for (int t = 0; t < dKv; t++) {
                        keysTransposed[t][j] = key[offset + t];
                    }
                }
                for (int i = 0; i < tokens; i++) {
                    float[] query = queries[base + i];
                    java.util.Arrays.fill(scores, 0, tokens, 0f);
                    for (int t = 0; t < dKv; t++) {
                        float q = query[offset + t];
                        float[] keyRow = keysTransposed[t];
                        for (int j = 0; j < tokens; j++) {
                            scores[j] = Math.fma(q, keyRow[j], scores[j]);
                        }
                    }
                    int[] bucketRow = buckets[i];
                    for (int j = 0; j < tokens; j++) {
                        scores[j] += model.relativeBias[bucketRow[j]][head];
                    }
                    mix(base, tokens, anyObserved, offset, context[base + i]);
                }
            }
        }

        /** The decoder's one query attending to the encoder output of its series, without position bias. */
        private void crossAttention(float[] query, int base, int tokens, float[] out) {
            int dKv = config.dKv();
            boolean anyObserved = anyObserved(base, tokens);
            for (int head = 0; head < config.numHeads(); head++) {
                int offset = head * dKv;
                for (int j = 0; j < tokens; j++) {
                    float[] key = keys[base + j];
                    float score = 0f;
                    for (int t = 0; t < dKv; t++) {
                        score = Math.fma(query[offset + t], key[offset + t], score);
                    }
                    scores[j] = score;
                }
                mix(base, tokens, anyObserved, offset, out);
            }
        }

        private boolean anyObserved(int base, int tokens) {
            for (int j = 0; j < tokens; j++) {
                if (observed[base + j]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Softmax of {@link #scores} over the observed keys (upstream adds the dtype's minimum to the others, which
         * leaves them no weight; with none observed every score sits at that minimum, so all weigh the same), then
         * the weighted sum of the head's values into {@code out}.
         */
        private void mix(int base, int tokens, boolean anyObserved, int offset, float[] out) {
            int dKv = config.dKv();
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < tokens; j++) {
                if (!anyObserved) {
                    scores[j] = 0f;
                }
                if (!anyObserved || observed[base + j]) {
                    max = Math.max(max, scores[j]);
                }
            }
            float total = 0f;
            for (int j = 0; j < tokens; j++) {
                if (anyObserved && !observed[base + j]) {
                    scores[j] = 0f;
                    continue;
                }
                float weight = (float) Math.exp(scores[j] - max);
                scores[j] = weight;
                total += weight;
            }
            for (int t = 0; t < dKv; t++) {
                out[offset + t] = 0f;
            }
            for (int j = 0; j < tokens; j++) {
                float weight = scores[j] / total;
                if (weight == 0f) {
                    continue;
                }
                float[] value = values[base + j];
                for (int t = 0; t < dKv; t++) {
                    out[offset + t] = Math.fma(weight, value[offset + t], out[offset + t]);
                }
            }
        }

        /**
         * A linear layer over {@code rows} rows; when this group has cores to spare, its rows are split between
         * them (each row is computed the same way wherever it runs, so results do not change).
         */
        private void linear(Linear layer, float[][] input, int rows, float[][] output) {
            int tasks = Math.min(coresPerGroup, rows / MIN_ROWS_PER_TASK);
            if (tasks < 2) {
                FloatMatmul.multiplyRows(input, 0, rows, layer.weight(), layer.bias(), output);
                return;
            }
            int chunk = (rows + tasks - 1) / tasks;
            IntStream.range(0, tasks).parallel().forEach(task -> FloatMatmul.multiplyRows(
                    input, task * chunk, Math.min(rows, (task + 1) * chunk), layer.weight(), layer.bias(), output));
        }

        /** T5's layer norm: scale by the root mean square, no mean subtracted, no bias. */
        private void rmsNorm(float[][] input, int rows, float[] weight, float[][] output) {
            int d = weight.length;
            float epsilon = (float) config.layerNormEpsilon();
            for (int r = 0; r < rows; r++) {
                float[] in = input[r];
                float[] result = output[r];
                double squares = 0;
                for (int i = 0; i < d; i++) {
                    squares += in[i] * in[i];
                }
                float inverse = (float) (1.0 / Math.sqrt((float) (squares / d) + epsilon));
                for (int i = 0; i < d; i++) {
                    result[i] = weight[i] * (in[i] * inverse);
                }
            }
        }

        private static void relu(float[][] matrix, int rows, int columns) {
            for (int r = 0; r < rows; r++) {
                float[] row = matrix[r];
                for (int i = 0; i < columns; i++) {
                    row[i] = Math.max(row[i], 0f);
                }
            }
        }

        private static void add(float[][] target, float[][] update, int rows) {
            for (int r = 0; r < rows; r++) {
                float[] row = target[r];
                float[] change = update[r];
                for (int i = 0; i < row.length; i++) {
                    row[i] += change[i];
                }
            }
        }
    }
}
