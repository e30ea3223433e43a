package org.marketlake.loader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.error.InvalidConfigException;
import org.marketlake.loader.Fixtures;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theDesignsYamlLoadsUnchanged() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        LoaderConfig config = ConfigLoader.load(Fixtures.config(dir, root));

        assertThat(config.dataPaths().rootDir()).isEqualTo(root.toAbsolutePath());
        assertThat(config.schema().datetimeColumn()).isEqualTo("ds");
        assertThat(config.schema().targetColumns()).hasSize(10).startsWith("target_bid_first");
        assertThat(config.schema().featureGroups()).containsOnlyKeys("yield_curve", "commodities", "indices");
        assertThat(config.schema().featureColumns()).hasSize(27).contains("vix_index_volume");
        assertThat(config.schema().timestampColumns()).containsExactly("spread_10Y_2Y_date", "spread_10Y_3M_date");
        assertThat(config.processing().nullHandling()).isEqualTo(NullHandling.FORWARD_FILL);
        assertThat(config.processing().outlierMethod()).isEqualTo(OutlierMethod.IQR);
        assertThat(config.processing().outlierThreshold()).isEqualTo(3.0);
        assertThat(config.processing().chunkSize()).isEqualTo(10_000);
        assertThat(config.performance().nWorkers()).isEqualTo(4);
        assertThat(config.performance().memoryLimitBytes()).isEqualTo(2L << 30);
        assertThat(config.idempotency().checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.MD5);
        assertThat(config.audit().maxLogFiles()).isEqualTo(100);
        assertThat(config.filePatterns().namingRegex().matcher("SYMBOL_1min_h15_2014_03_769b531dbb2ff3cb.parquet").matches()).isTrue();
    }

    @Test
    void relativePathsAreRelativeToRootDir() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        LoaderConfig config = ConfigLoader.load(Fixtures.config(dir, root));

        assertThat(config.idempotency().stateFile()).isEqualTo(root.toAbsolutePath().resolve(".processed_files.json"));
        assertThat(config.audit().logDir()).isEqualTo(root.toAbsolutePath().resolve("audit_logs"));
        assertThat(config.performance().cacheDir()).isEqualTo(root.toAbsolutePath().resolve("data/cache/parquet"));
    }

    @Test
    void onlyTheRequiredKeysGiveDocumentedDefaults() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path file = Fixtures.write(dir.resolve("minimal.yaml"), """
                parquet_loader:
                  data_paths: {root_dir: "%s"}
                  file_patterns: {naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"}
                  schema: {datetime_column: ds}
                """.formatted(root));
        LoaderConfig config = ConfigLoader.load(file);

        assertThat(config.schema().targetColumns()).isEmpty();
        assertThat(config.schema().featureColumns()).isEmpty();
        assertThat(config.schema().timezone().getId()).isEqualTo("UTC");
        assertThat(config.processing().nullHandling()).isEqualTo(NullHandling.FORWARD_FILL);
        assertThat(config.processing().outlierAction()).isEqualTo(OutlierAction.REPORT);
        assertThat(config.processing().validationSplit()).isEqualTo(0.2);
        assertThat(config.inference().contextLength()).isEqualTo(512);
        assertThat(config.idempotency().stateFile().getFileName().toString()).isEqualTo(".processed_files.json");
        assertThat(config.idempotency().checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.MD5);
        assertThat(config.audit().sessionTimeoutHours()).isEqualTo(24);
        assertThat(config.features().lags()).containsExactly(1, 5, 15);
    }

    @Test
    void aMissingFileIsAConfigError() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Configuration file not found: " + missing)
                .isInstanceOf(org.marketlake.core.error.InvalidRequestException.class);
    }

    @Test
    void buildCreatesARootThatDoesNotExistYet() {
        Path missing = dir.resolve("not/yet");

        LoaderConfig config = ConfigLoader.load(Fixtures.config(dir, missing), true);

        assertThat(config.dataPaths().rootDir()).isEqualTo(missing.toAbsolutePath().normalize());
        assertThat(java.nio.file.Files.isDirectory(missing)).isTrue();
    }

    @Test
    void aRootThatDoesNotExistOrIsAFileIsRefused() throws Exception {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> ConfigLoader.load(Fixtures.config(dir, missing)))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("Root directory does not exist: " + missing);
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> ConfigLoader.load(Fixtures.config(dir, file)))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("Root path is not a directory: " + file);
    }

    /** Each broken config: a text replacement in the design's YAML and a fragment the error must contain. */
    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                Arguments.of("missing root_dir", "    root_dir: \"", "    # root_dir: \"", "required configuration key missing: parquet_loader.data_paths.root_dir"),
                Arguments.of("missing naming_regex", "    naming_regex: ", "    # naming_regex: ", "required configuration key missing: parquet_loader.file_patterns.naming_regex"),
                Arguments.of("missing datetime_column", "    datetime_column: \"ds\"", "    # datetime_column", "required configuration key missing: parquet_loader.schema.datetime_column"),
                Arguments.of("regex that does not compile", "naming_regex: \"([A-Z]+)_", "naming_regex: \"([A-Z]+_", "parquet_loader.file_patterns.naming_regex does not compile"),
                Arguments.of("regex with six groups", "_([a-f0-9]+)\\\\.", "_[a-f0-9]+\\\\.", "naming_regex must have 7 groups"),
                Arguments.of("null_handling outside its set", "null_handling: \"forward_fill\"", "null_handling: \"ffill\"", "parquet_loader.processing.null_handling has value 'ffill' outside its set: use one of forward_fill, interpolate, drop"),
                Arguments.of("outlier_method outside its set", "outlier_method: \"iqr\"", "outlier_method: \"lof\"", "parquet_loader.processing.outlier_method has value 'lof' outside its set"),
                Arguments.of("checksum_algorithm outside its set", "checksum_algorithm: \"md5\"", "checksum_algorithm: \"crc32\"", "parquet_loader.idempotency.checksum_algorithm has value 'crc32' outside its set: use one of md5, sha1, sha256"),
                Arguments.of("threshold of the wrong type", "outlier_threshold: 3.0", "outlier_threshold: \"high\"", "parquet_loader.processing.outlier_threshold must be a number, got 'high'"),
                Arguments.of("chunk_size of the wrong type", "chunk_size: 10000", "chunk_size: 1.5", "parquet_loader.processing.chunk_size must be a whole number, got 1.5"),
                Arguments.of("flag of the wrong type", "outlier_detection: true", "outlier_detection: \"sometimes\"", "parquet_loader.processing.outlier_detection must be true or false"),
                Arguments.of("n_workers out of range", "n_workers: 4", "n_workers: 0", "parquet_loader.performance.n_workers must be between 1 and 1024, got 0"),
                Arguments.of("timestamp_columns not a list", "    timestamp_columns:\n      - \"spread_10Y_2Y_date\"\n      - \"spread_10Y_3M_date\"", "    timestamp_columns: \"spread_10Y_2Y_date\"", "parquet_loader.schema.timestamp_columns must be a list, got 'spread_10Y_2Y_date'"),
                Arguments.of("datetime_column not a text", "    datetime_column: \"ds\"", "    datetime_column: [ds]", "parquet_loader.schema.datetime_column must be a text value, got a list"),
                Arguments.of("memory_limit unreadable", "memory_limit: \"2GB\"", "memory_limit: \"lots\"", "parquet_loader.performance.memory_limit must be a size such as 2GB"),
                Arguments.of("misspelt key", "outlier_method: \"iqr\"", "outlier_methd: \"iqr\"", "unknown configuration key parquet_loader.processing.outlier_methd: did you mean parquet_loader.processing.outlier_method?"),
                Arguments.of("misspelt section", "  processing:", "  procesing:", "unknown configuration key parquet_loader.procesing: did you mean parquet_loader.processing?"),
                Arguments.of("misspelt top level", "parquet_loader:", "parquet_loadr:", "unknown top-level configuration key parquet_loadr"),
                Arguments.of("unknown time zone", "    datetime_column: \"ds\"", "    datetime_column: \"ds\"\n    timezone: \"Mars/Olympus\"", "parquet_loader.schema.timezone is not a time zone: 'Mars/Olympus'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigs")
    void brokenConfigsFailFastNamingTheKey(String name, String from, String to, String expected) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path config = Fixtures.config(dir, root, from, to);

        assertThatThrownBy(() -> ConfigLoader.load(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining("[file=" + config);
    }

    /** The design's minimal config plus {@code extra} lines under parquet_loader. */
    private Path minimalWith(String extra) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        return Fixtures.write(dir.resolve("extra.yaml"), """
                parquet_loader:
                  data_paths: {root_dir: "%s"}
                  file_patterns: {naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"}
                  schema: {datetime_column: ds}
                """.formatted(root) + extra);
    }

    /** Each unknown key or wrong type: lines under parquet_loader and the whole message before the file. */
    static Stream<Arguments> refusedKeysAndValues() {
        return Stream.of(
                Arguments.of("  performance: {n_wrokers: 2}\n", "unknown configuration key parquet_loader.performance.n_wrokers: did you mean "
                        + "parquet_loader.performance.n_workers? (valid keys here: cache_dir, cache_intermediate, memory_limit, n_workers, use_parallel)"),
                Arguments.of("  build: {features: {fx: {symbol: EURUSD, knd: bars}}}\n", "unknown configuration key parquet_loader.build.features.fx.knd: "
                        + "did you mean parquet_loader.build.features.fx.kind? (valid keys here: kind, symbol)"),
                Arguments.of("  processing: {outlier_threshold: \"3.0\"}\n", "configuration key parquet_loader.processing.outlier_threshold must be a number, got '3.0'"),
                Arguments.of("  processing: {use_categorical: \"true\"}\n", "configuration key parquet_loader.processing.use_categorical must be true or false, got 'true'"),
                Arguments.of("  processing: {isolation_trees: 2.5}\n", "configuration key parquet_loader.processing.isolation_trees must be a whole number, got 2.5"),
                Arguments.of("  processing: {scaling: [standard]}\n", "configuration key parquet_loader.processing.scaling must be one of none, standard, minmax, got a list"),
                Arguments.of("  processing: fast\n", "configuration key parquet_loader.processing must be a mapping of keys, got 'fast'"),
                Arguments.of("  features: {lags: [1, x]}\n", "configuration key parquet_loader.features.lags[1] must be a whole number, got 'x'"),
                Arguments.of("  features: {lags: [1, 0]}\n", "configuration key parquet_loader.features.lags[1] must be a whole number of at least 1, got 0"),
                Arguments.of("  features: {rolling_stats: [mean, \"\"]}\n", "configuration key parquet_loader.features.rolling_stats[1] must be a non-empty text, got ''"),
                Arguments.of("  build: {features: [fx]}\n", "configuration key parquet_loader.build.features must be a mapping, got a list"),
                Arguments.of("  build: {features: {oil: }}\n", "required configuration key missing: parquet_loader.build.features.oil.symbol"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedKeysAndValues")
    void anUnknownKeyOrAWrongTypeNamesTheKeyAndWhatWouldDo(String extra, String expected) throws Exception {
        Path file = minimalWith(extra);

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(expected + " [file=" + file + "]");
    }

    @Test
    void emptySectionsAndTheShortBuildFeatureFormTakeTheirDefaults() throws Exception {
        LoaderConfig config = ConfigLoader.load(minimalWith("""
                  processing:
                  features:
                  build: {features: {fx: EURUSD, gold: {symbol: XAUUSD, kind: bars}}}
                """));

        assertThat(config.processing().chunkSize()).isEqualTo(10_000);
        assertThat(config.processing().scaling()).isEqualTo(Scaling.STANDARD);
        assertThat(config.features().rollingWindows()).containsExactly(5, 15, 60);
        assertThat(config.build().features()).containsExactly(
                new LoaderConfig.BuildFeature("fx", "EURUSD", "quotes"), new LoaderConfig.BuildFeature("gold", "XAUUSD", "bars"));
        assertThat(config.build().horizon()).isEqualTo(15);
    }

    @Test
    void invalidYamlIsAConfigError() throws Exception {
        Path file = Fixtures.write(dir.resolve("broken.yaml"), "parquet_loader:\n  data_paths: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("is not valid YAML [file=" + file);
    }

    @Test
    void sizesAreParsed() {
        assertThat(ConfigLoader.parseSize("512MB", "k")).isEqualTo(512L << 20);
        assertThat(ConfigLoader.parseSize("1.5GiB", "k")).isEqualTo(3L << 29);
        assertThat(ConfigLoader.parseSize("1000", "k")).isEqualTo(1000);
    }

    @Test
    void closestNameIsByEditDistance() {
        assertThat(Closest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Closest.of("chunk_sise", java.util.List.of("chunk_size", "cache_dir", "n_workers"))).isEqualTo("chunk_size");
    }

    @Test
    void aKeyGivenTwiceIsAConfigErrorNamingTheKey() {
        Path file = Fixtures.write(dir.resolve("twice.yaml"), "parquet_loader:\n  schema: {datetime_column: ds, datetime_column: other}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("duplicate configuration key datetime_column [file=" + file)
                .hasMessageNotContaining("\n");
    }
}
