package org.marketlake.loader.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code parquet_loader} configuration of design 000 section 2.1, read and checked by {@link ConfigLoader}.
 * Every section is a record; relative paths are already resolved (state file, audit and cache folders against
 * {@code root_dir}). Defaults are documented in docs/LOADER.md.
 *
 * @param fingerprint a canonical text of the whole configuration, part of cache keys and build hashes
 */
public record LoaderConfig(
        Path configFile,
        DataPaths dataPaths,
        FilePatterns filePatterns,
        SchemaConfig schema,
        Processing processing,
        Features features,
        Inference inference,
        Performance performance,
        Idempotency idempotency,
        Audit audit,
        Build build,
        String fingerprint) {

    /** {@code root_dir} (required, an existing folder) and the optional sub-folders per use. */
    public record DataPaths(Path rootDir, Optional<String> trainingSubdir, Optional<String> predictionSubdir,
            Optional<String> incrementalSubdir) {}

    /** The naming regex (required; seven groups: symbol, timeframe, horizon, year, month, hash, extension). */
    public record FilePatterns(String parquetExtension, String jsonExtension, Pattern namingRegex) {}

    /**
     * Column roles. An empty {@code targetColumns} means every column whose name starts with {@code target_}.
     * {@code timezone} (ours) is the zone of datetime values written without an offset.
     */
    public record SchemaConfig(String datetimeColumn, List<String> targetColumns,
            Map<String, List<String>> featureGroups, List<String> timestampColumns, ZoneId timezone) {
        public List<String> featureColumns() {
            List<String> all = new ArrayList<>();
            featureGroups.values().forEach(all::addAll);
            return all;
        }
    }

    /**
     * {@code testSplit} (ours): the last fraction of the rows held out for testing, after validation (0: none);
     * {@code splitGap} (ours): rows left out between training and validation and between validation and test
     * (an embargo, so a model's windows never straddle two parts).
     */
    public record Processing(NullHandling nullHandling, boolean outlierDetection, OutlierMethod outlierMethod,
            double outlierThreshold, OutlierAction outlierAction, double isolationScoreThreshold, int isolationTrees,
            long randomSeed, boolean optimizeDtypes, boolean useCategorical, int chunkSize, double validationSplit,
            Scaling scaling, double testSplit, int splitGap) {
        public Processing {
            if (!(validationSplit > 0 && testSplit >= 0 && validationSplit + testSplit < 1)) {
                throw new IllegalArgumentException("validation_split (" + validationSplit + ") and test_split (" + testSplit
                        + ") must leave rows for training");
            }
            if (splitGap < 0) {
                throw new IllegalArgumentException("split_gap must be at least 0, was " + splitGap);
            }
        }

        /** Without a test part or gap. */
        public Processing(NullHandling nullHandling, boolean outlierDetection, OutlierMethod outlierMethod,
                double outlierThreshold, OutlierAction outlierAction, double isolationScoreThreshold, int isolationTrees,
                long randomSeed, boolean optimizeDtypes, boolean useCategorical, int chunkSize, double validationSplit,
                Scaling scaling) {
            this(nullHandling, outlierDetection, outlierMethod, outlierThreshold, outlierAction, isolationScoreThreshold,
                    isolationTrees, randomSeed, optimizeDtypes, useCategorical, chunkSize, validationSplit, scaling, 0, 0);
        }
    }

    /**
     * Feature engineering of design section 4 (ours: the design names the families, not their settings).
     * An empty {@code columns} means the target columns.
     */
    public record Features(boolean enabled, List<String> columns, List<Integer> lags, boolean differences,
            List<Integer> rollingWindows, List<String> rollingStats, List<String> correlations, int correlationWindow,
            boolean spreads, int volatilityWindow, List<String> volatilityColumns, boolean alignDaily) {}

    public record Inference(int contextLength) {}

    public record Performance(boolean useParallel, int nWorkers, long memoryLimitBytes, String memoryLimitText,
            boolean cacheIntermediate, Path cacheDir) {}

    public record Idempotency(boolean enabled, Path stateFile, ChecksumAlgorithm checksumAlgorithm) {}

    public record Audit(boolean enabled, Path logDir, int sessionTimeoutHours, int maxLogFiles) {}

    /** One feature group of {@code dataset build}: {@code {prefix}_*} columns from another lake symbol. */
    public record BuildFeature(String prefix, String symbol, String kind) {}

    /** Settings of {@code dataset build} (ours). */
    public record Build(int horizon, int volatilityWindow, List<BuildFeature> features) {}

    public static Map<String, List<String>> orderedGroups(Map<String, List<String>> groups) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }
}
