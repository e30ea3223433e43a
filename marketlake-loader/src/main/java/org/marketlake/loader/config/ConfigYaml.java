package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code parquet_loader} mapping exactly as the YAML spells it, bound by Jackson: one record per section, one
 * component per key, so the key set of each section is written once (in the {@link JsonProperty} names) and a key
 * that is not here is refused as unknown. Components are boxed because an absent key is null: the defaults and
 * range checks are {@link ConfigLoader}'s, which turns these into a {@link LoaderConfig}. A section that is absent
 * or written empty ({@code processing:}) is an empty record, so every key takes its default.
 */
final class ConfigYaml {
    private ConfigYaml() {}

    record Loader(
            @JsonProperty("data_paths") DataPaths dataPaths,
            @JsonProperty("file_patterns") FilePatterns filePatterns,
            @JsonProperty("directory_structure") DirectoryStructure directoryStructure,
            @JsonProperty("schema") Schema schema,
            @JsonProperty("processing") Processing processing,
            @JsonProperty("features") Features features,
            @JsonProperty("inference") Inference inference,
            @JsonProperty("performance") Performance performance,
            @JsonProperty("idempotency") Idempotency idempotency,
            @JsonProperty("audit") Audit audit,
            @JsonProperty("build") Build build) {
        Loader {
            dataPaths = dataPaths == null ? new DataPaths(null, null, null, null) : dataPaths;
            filePatterns = filePatterns == null ? new FilePatterns(null, null, null) : filePatterns;
            directoryStructure = directoryStructure == null ? new DirectoryStructure(null, null) : directoryStructure;
            schema = schema == null ? new Schema(null, null, null, null, null) : schema;
            processing = processing == null
                    ? new Processing(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : processing;
            features = features == null
                    ? new Features(null, null, null, null, null, null, null, null, null, null, null, null) : features;
            inference = inference == null ? new Inference(null) : inference;
            performance = performance == null ? new Performance(null, null, null, null, null) : performance;
            idempotency = idempotency == null ? new Idempotency(null, null, null) : idempotency;
            audit = audit == null ? new Audit(null, null, null, null) : audit;
            build = build == null ? new Build(null, null, null) : build;
        }
    }

    record DataPaths(
            @JsonProperty("root_dir") String rootDir,
            @JsonProperty("training_subdir") String trainingSubdir,
            @JsonProperty("prediction_subdir") String predictionSubdir,
            @JsonProperty("incremental_subdir") String incrementalSubdir) {}

    record FilePatterns(
            @JsonProperty("parquet_extension") String parquetExtension,
            @JsonProperty("json_extension") String jsonExtension,
            @JsonProperty("naming_regex") String namingRegex) {}

    record DirectoryStructure(
            @JsonProperty("year_format") String yearFormat,
            @JsonProperty("month_format") String monthFormat) {}

    /** {@code feature_columns} is a list or a mapping of groups to lists, so it stays a tree until it is read. */
    record Schema(
            @JsonProperty("datetime_column") String datetimeColumn,
            @JsonProperty("target_columns") List<String> targetColumns,
            @JsonProperty("feature_columns") JsonNode featureColumns,
            @JsonProperty("timestamp_columns") List<String> timestampColumns,
            @JsonProperty("timezone") String timezone) {}

    record Processing(
            @JsonProperty("null_handling") NullHandling nullHandling,
            @JsonProperty("outlier_detection") Boolean outlierDetection,
            @JsonProperty("outlier_method") OutlierMethod outlierMethod,
            @JsonProperty("outlier_threshold") Double outlierThreshold,
            @JsonProperty("outlier_action") OutlierAction outlierAction,
            @JsonProperty("isolation_score_threshold") Double isolationScoreThreshold,
            @JsonProperty("isolation_trees") Integer isolationTrees,
            @JsonProperty("random_seed") Integer randomSeed,
            @JsonProperty("optimize_dtypes") Boolean optimizeDtypes,
            @JsonProperty("use_categorical") Boolean useCategorical,
            @JsonProperty("chunk_size") Integer chunkSize,
            @JsonProperty("validation_split") Double validationSplit,
            @JsonProperty("scaling") Scaling scaling,
            @JsonProperty("test_split") Double testSplit,
            @JsonProperty("split_gap") Integer splitGap) {}

    record Features(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("lags") List<Integer> lags,
            @JsonProperty("differences") Boolean differences,
            @JsonProperty("rolling_windows") List<Integer> rollingWindows,
            @JsonProperty("rolling_stats") List<String> rollingStats,
            @JsonProperty("correlations") List<String> correlations,
            @JsonProperty("correlation_window") Integer correlationWindow,
            @JsonProperty("spreads") Boolean spreads,
            @JsonProperty("volatility_window") Integer volatilityWindow,
            @JsonProperty("volatility_columns") List<String> volatilityColumns,
            @JsonProperty("align_daily") Boolean alignDaily) {}

    record Inference(@JsonProperty("context_length") Integer contextLength) {}

    record Performance(
            @JsonProperty("use_parallel") Boolean useParallel,
            @JsonProperty("n_workers") Integer nWorkers,
            @JsonProperty("memory_limit") String memoryLimit,
            @JsonProperty("cache_intermediate") Boolean cacheIntermediate,
            @JsonProperty("cache_dir") String cacheDir) {}

    record Idempotency(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("state_file") String stateFile,
            @JsonProperty("checksum_algorithm") ChecksumAlgorithm checksumAlgorithm) {}

    record Audit(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("log_dir") String logDir,
            @JsonProperty("session_timeout_hours") Integer sessionTimeoutHours,
            @JsonProperty("max_log_files") Integer maxLogFiles) {}

    /** {@code features} maps a column prefix to a symbol ({@code fx: EURUSD}) or to {@code {symbol, kind}}. */
    record Build(
            @JsonProperty("horizon") Integer horizon,
            @JsonProperty("volatility_window") Integer volatilityWindow,
            @JsonProperty("features") Map<String, BuildFeature> features) {
        Build {
            features = features == null ? Map.of() : features;
        }
    }

    record BuildFeature(@JsonProperty("symbol") String symbol, @JsonProperty("kind") String kind) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        BuildFeature {}

        /** The short form, {@code prefix: SYMBOL}: quotes of that symbol. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static BuildFeature ofSymbol(String symbol) {
            return new BuildFeature(symbol, null);
        }
    }
}
