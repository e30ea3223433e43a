package org.marketlake.forecast.chronos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The parts of a Chronos-Bolt {@code config.json} the forward pass needs: the T5 sizes at the top level and the
 * forecasting settings under {@code chronos_config}.
 */
record BoltConfig(
        int dModel,
        int dKv,
        int dFf,
        int numHeads,
        int numLayers,
        int numDecoderLayers,
        double layerNormEpsilon,
        int relativeAttentionNumBuckets,
        int relativeAttentionMaxDistance,
        int contextLength,
        int predictionLength,
        int patchSize,
        int patchStride,
        boolean useRegToken,
        int regTokenId,
        int decoderStartTokenId,
        double[] quantiles) {

    BoltConfig {
        positive("d_model", dModel);
        positive("d_kv", dKv);
        positive("d_ff", dFf);
        positive("num_heads", numHeads);
        positive("num_layers", numLayers);
        positive("num_decoder_layers", numDecoderLayers);
        positive("relative_attention_num_buckets", relativeAttentionNumBuckets);
        positive("relative_attention_max_distance", relativeAttentionMaxDistance);
        positive("context_length", contextLength);
        positive("prediction_length", predictionLength);
        positive("input_patch_size", patchSize);
        positive("input_patch_stride", patchStride);
        if (quantiles.length == 0) {
            throw new IllegalArgumentException("chronos_config.quantiles is empty");
        }
        for (double level : quantiles) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("quantile level " + level + " is not inside (0, 1)");
            }
        }
        quantiles = quantiles.clone();
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    int innerDim() {
        return numHeads * dKv;
    }

    int numQuantiles() {
        return quantiles.length;
    }

    /** Encoder positions for a context of {@code length} values: the patches, plus one for [REG]. */
    int tokens(int length) {
        return patches(length) + (useRegToken ? 1 : 0);
    }

    /** Patches after left-padding {@code length} to a multiple of the patch size (as upstream's Patch does). */
    int patches(int length) {
        int padded = paddedLength(length);
        return padded < patchSize ? 0 : (padded - patchSize) / patchStride + 1;
    }

    int paddedLength(int length) {
        return length % patchSize == 0 ? length : length + patchSize - length % patchSize;
    }

    static BoltConfig read(Path configFile) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(configFile.toFile());
        } catch (IOException e) {
            throw new InvalidDataException("cannot parse Chronos-Bolt config [file=" + configFile + "]: " + e.getMessage(), e);
        }
        JsonNode chronos = root.path("chronos_config");
        if (!chronos.isObject()) {
            throw new InvalidRequestException("not a Chronos-Bolt checkpoint: config.json has no chronos_config [file="
                    + configFile + "]");
        }
        if (!chronos.has("input_patch_size") && chronos.has("tokenizer_class")) {
            throw new InvalidRequestException("not a Chronos-Bolt checkpoint: config.json describes an original Chronos model"
                    + " (tokenizer " + chronos.path("tokenizer_class").asText() + "); use amazon/chronos-bolt-* [file="
                    + configFile + "]");
        }
        String act = root.path("dense_act_fn").asText("relu");
        boolean gated = root.path("is_gated_act").asBoolean(false)
                || root.path("feed_forward_proj").asText("relu").startsWith("gated");
        if (!act.equals("relu") || gated) {
            throw new InvalidRequestException("unsupported feed-forward activation " + (gated ? "gated-" : "") + act
                    + " (Chronos-Bolt uses relu) [file=" + configFile + "]");
        }
        try {
            List<Double> levels = new ArrayList<>();
            chronos.path("quantiles").forEach(level -> levels.add(level.asDouble()));
            int patchSize = required(chronos, "input_patch_size", configFile);
            return new BoltConfig(
                    required(root, "d_model", configFile),
                    required(root, "d_kv", configFile),
                    required(root, "d_ff", configFile),
                    required(root, "num_heads", configFile),
                    required(root, "num_layers", configFile),
                    root.path("num_decoder_layers").asInt(required(root, "num_layers", configFile)),
                    root.path("layer_norm_epsilon").asDouble(1e-6),
                    root.path("relative_attention_num_buckets").asInt(32),
                    root.path("relative_attention_max_distance").asInt(128),
                    required(chronos, "context_length", configFile),
                    required(chronos, "prediction_length", configFile),
                    patchSize,
                    chronos.path("input_patch_stride").asInt(patchSize),
                    chronos.path("use_reg_token").asBoolean(false),
                    // upstream forces the [REG] id to 1 whatever the file says
                    1,
                    root.path("decoder_start_token_id").asInt(0),
                    levels.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid Chronos-Bolt config: " + e.getMessage() + " [file=" + configFile + "]", e);
        }
    }

    private static int required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new InvalidRequestException("not a Chronos-Bolt checkpoint: config.json lacks integer field " + field
                    + " [file=" + file + "]");
        }
        return value.asInt();
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
