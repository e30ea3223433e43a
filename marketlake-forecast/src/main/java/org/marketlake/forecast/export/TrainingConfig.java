package org.marketlake.forecast.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The YAML that chronos-forecasting's {@code scripts/training/train.py --config FILE} reads, pointing at an exported
 * training set: the fields of its shipped {@code chronos-t5-small.yaml}, set up to fine-tune
 * {@code amazon/chronos-t5-small} for a short run rather than pretrain from scratch.
 */
public final class TrainingConfig {
    private TrainingConfig() {}

    /** The forecasting shape the training samples take; {@code minPast} observations before each forecast window. */
    public record Settings(int contextLength, int predictionLength, int minPast) {
        public Settings {
            if (contextLength < 1 || predictionLength < 1 || minPast < 1) {
                throw new InvalidRequestException("context length, prediction length and min past must be positive, got "
                        + contextLength + ", " + predictionLength + ", " + minPast);
            }
        }

        public static Settings defaults() {
            return new Settings(512, 64, 60);
        }
    }

    /** The config's usual place: beside the data, same name with {@code .yaml}. */
    public static Path besideData(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return data.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".yaml");
    }

    public static void write(Path configFile, Path data, Settings settings) {
        String yaml = """
                # Chronos training config for a training set exported by marketlake chronos export.
                # Next step, from a clone of amazon-science/chronos-forecasting with its training extras installed:
                #   python scripts/training/train.py --config %s
                training_data_paths:
                - "%s"
                probability:
                - 1.0
                context_length: %d
                prediction_length: %d
                min_past: %d
                max_steps: 1000
                save_steps: 500
                log_steps: 100
                per_device_train_batch_size: 32
                learning_rate: 0.001
                optim: adamw_torch_fused
                num_samples: 20
                shuffle_buffer_length: 100000
                gradient_accumulation_steps: 1
                model_id: amazon/chronos-t5-small
                model_type: seq2seq
                random_init: false
                tie_embeddings: true
                output_dir: ./output/
                tf32: true
                torch_compile: true
                tokenizer_class: "MeanScaleUniformBins"
                tokenizer_kwargs:
                  low_limit: -15.0
                  high_limit: 15.0
                n_tokens: 4096
                lr_scheduler_type: linear
                warmup_ratio: 0.0
                dataloader_num_workers: 1
                max_missing_prop: 0.9
                use_eos_token: true
                """.formatted(configFile.toAbsolutePath(), yamlEscaped(data.toAbsolutePath().toString()),
                settings.contextLength(), settings.predictionLength(), settings.minPast());
        try {
            Files.writeString(configFile, yaml);
        } catch (IOException e) {
            throw new InvalidDataException("cannot write training config [file=" + configFile + "]: " + e.getMessage(), e);
        }
    }

    private static String yamlEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
