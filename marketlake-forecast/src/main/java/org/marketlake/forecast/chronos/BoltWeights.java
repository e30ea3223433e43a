package org.marketlake.forecast.chronos;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.forecast.chronos.SafeTensors.Tensor;

/**
 * Named checkpoint tensors, checked against the config as the model takes them: a missing tensor or a shape that
 * disagrees with {@code config.json} is reported by name before any forecasting starts.
 */
final class BoltWeights {
    private final Map<String, Tensor> tensors;
    private final String source;

    BoltWeights(Map<String, Tensor> tensors, String source) {
        this.tensors = tensors;
        this.source = source;
    }

    /** A linear layer's {@code [out][in]} weight, transposed to {@code [in][out]} for {@link FloatMatmul}. */
    float[][] transposed(String name, int out, int in) {
        float[] data = tensor(name, out, in).data();
        float[][] result = new float[in][out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                result[i][o] = data[o * in + i];
            }
        }
        return result;
    }

    /** A table kept in its stored {@code [rows][columns]} layout. */
    float[][] table(String name, int rows, int columns) {
        float[] data = tensor(name, rows, columns).data();
        float[][] result = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * columns, result[r], 0, columns);
        }
        return result;
    }

    float[] vector(String name, int length) {
        return tensor(name, length).data();
    }

    /** Takes a tensor out, so its flat copy can be collected once the model holds its own layout (base is 0.8 GB). */
    private Tensor tensor(String name, int... shape) {
        Tensor tensor = tensors.remove(name);
        if (tensor == null) {
            throw new InvalidRequestException("not a Chronos-Bolt checkpoint: tensor " + name + " is missing [file=" + source + "]");
        }
        if (!java.util.Arrays.equals(tensor.shape(), shape)) {
            throw new InvalidRequestException("tensor " + name + " has shape " + java.util.Arrays.toString(tensor.shape())
                    + " but config.json implies " + java.util.Arrays.toString(shape) + " [file=" + source + "]");
        }
        return tensor;
    }

    /**
     * Random weights in the shapes {@code config} implies, for benchmarks and tests: small enough that activations
     * stay in a realistic range through many layers, so timings are not skewed by overflow or denormals.
     */
    static BoltWeights random(BoltConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int d = config.dModel();
        int inner = config.innerDim();
        int ff = config.dFf();
        int patchInput = 2 * config.patchSize();
        int outputs = config.numQuantiles() * config.predictionLength();
        put(tensors, random, "shared.weight", 1.0, 2, d);
        residualBlock(tensors, random, "input_patch_embedding", patchInput, ff, d);
        residualBlock(tensors, random, "output_patch_embedding", d, ff, outputs);
        put(tensors, random, "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", 0.1,
                config.relativeAttentionNumBuckets(), config.numHeads());
        for (int layer = 0; layer < config.numLayers(); layer++) {
            String prefix = "encoder.block." + layer + ".layer.";
            attention(tensors, random, prefix + "0.SelfAttention", d, inner);
            ones(tensors, prefix + "0.layer_norm.weight", d);
            feedForward(tensors, random, prefix + "1", d, ff);
        }
        ones(tensors, "encoder.final_layer_norm.weight", d);
        for (int layer = 0; layer < config.numDecoderLayers(); layer++) {
            String prefix = "decoder.block." + layer + ".layer.";
            attention(tensors, random, prefix + "0.SelfAttention", d, inner);
            ones(tensors, prefix + "0.layer_norm.weight", d);
            attention(tensors, random, prefix + "1.EncDecAttention", d, inner);
            ones(tensors, prefix + "1.layer_norm.weight", d);
            feedForward(tensors, random, prefix + "2", d, ff);
        }
        ones(tensors, "decoder.final_layer_norm.weight", d);
        return new BoltWeights(tensors, "random weights, seed " + seed);
    }

    private static void residualBlock(Map<String, Tensor> tensors, SplittableRandom random, String prefix, int in, int hidden, int out) {
        put(tensors, random, prefix + ".hidden_layer.weight", Math.sqrt(1.0 / in), hidden, in);
        put(tensors, random, prefix + ".hidden_layer.bias", 0.01, hidden);
        put(tensors, random, prefix + ".output_layer.weight", Math.sqrt(1.0 / hidden), out, hidden);
        put(tensors, random, prefix + ".output_layer.bias", 0.01, out);
        put(tensors, random, prefix + ".residual_layer.weight", Math.sqrt(1.0 / in), out, in);
        put(tensors, random, prefix + ".residual_layer.bias", 0.01, out);
    }

    private static void attention(Map<String, Tensor> tensors, SplittableRandom random, String prefix, int d, int inner) {
        for (String projection : new String[] {"q", "k", "v"}) {
            put(tensors, random, prefix + "." + projection + ".weight", Math.sqrt(1.0 / d), inner, d);
        }
        put(tensors, random, prefix + ".o.weight", Math.sqrt(1.0 / inner), d, inner);
    }

    private static void feedForward(Map<String, Tensor> tensors, SplittableRandom random, String prefix, int d, int ff) {
        put(tensors, random, prefix + ".DenseReluDense.wi.weight", Math.sqrt(1.0 / d), ff, d);
        put(tensors, random, prefix + ".DenseReluDense.wo.weight", Math.sqrt(1.0 / ff), d, ff);
        ones(tensors, prefix + ".layer_norm.weight", d);
    }

    private static void put(Map<String, Tensor> tensors, SplittableRandom random, String name, double spread, int... shape) {
        int size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = (float) ((random.nextDouble() * 2 - 1) * spread);
        }
        tensors.put(name, new Tensor(name, shape, data));
    }

    private static void ones(Map<String, Tensor> tensors, String name, int length) {
        float[] data = new float[length];
        java.util.Arrays.fill(data, 1f);
        tensors.put(name, new Tensor(name, new int[] {length}, data));
    }

    static BoltWeights read(Path safetensors) {
        return new BoltWeights(SafeTensors.read(safetensors), safetensors.toString());
    }
}
