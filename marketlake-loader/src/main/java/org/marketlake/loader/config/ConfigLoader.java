package org.marketlake.loader.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.marketlake.core.error.InvalidConfigException;

/**
 * Reads the YAML of design 000 section 2.1 and fails fast: a missing file, a missing required key
 * ({@code data_paths.root_dir}, {@code file_patterns.naming_regex}, {@code schema.datetime_column}), an unknown
 * key (with the closest valid one), a value of the wrong type or outside its set are each a {@link InvalidConfigException}
 * naming the key's dotted path. Jackson binds the tree to {@link ConfigYaml}'s records (unknown keys and scalar
 * coercions refused); its errors are turned into messages that name the key, the value and what would do.
 */
public final class ConfigLoader {
    static final String ROOT = "parquet_loader";
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?i?B?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()))
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    /** Strict binding: no unknown keys, no "3" for a number, no 1.5 for a whole number, no "true" for a flag. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, List<String>>> GROUPS = new TypeReference<>() {};

    private ConfigLoader() {}

    public static LoaderConfig load(Path file) {
        return load(file, false);
    }

    /**
     * {@link #load(Path)}; {@code createRoot} creates a missing {@code data_paths.root_dir} (and its parents) instead of
     * failing, for the one command that writes the loader's files there ({@code dataset build}).
     */
    public static LoaderConfig load(Path file, boolean createRoot) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidConfigException("Configuration file not found: " + file);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            Matcher duplicate = Pattern.compile("Duplicate field '([^']*)'").matcher(String.valueOf(e.getMessage()));
            if (duplicate.find()) {
                String where = e instanceof JacksonException j && j.getLocation() != null
                        ? ", line=" + j.getLocation().getLineNr() : "";
                throw new InvalidConfigException("duplicate configuration key " + duplicate.group(1) + " [file=" + file + where
                        + "]: each key may appear once in a mapping", e);
            }
            throw new InvalidConfigException("Configuration file is not valid YAML [file=" + file + "]: "
                    + e.getMessage().replace('\n', ' '), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidConfigException("Configuration file " + file + " must be a mapping with the key " + ROOT);
        }
        for (var names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(ROOT)) {
                throw new InvalidConfigException("unknown top-level configuration key " + name + ": did you mean " + ROOT + "? [file=" + file + "]");
            }
        }
        if (!tree.has(ROOT) || tree.get(ROOT).isNull()) {
            throw new InvalidConfigException("required configuration key missing: " + ROOT + " [file=" + file + "]");
        }
        try {
            return read(file, bind(tree.get(ROOT), new TypeReference<ConfigYaml.Loader>() {}, ""), fingerprint(tree), createRoot);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(e.getMessage() + " [file=" + file + "]", e);
        }
    }

    /** Binds {@code node}, the value at {@code at} (dotted, below {@link #ROOT}), failing with the key's path. */
    private static <T> T bind(JsonNode node, TypeReference<T> type, String at) {
        try {
            return BINDER.readerFor(type).readValue(node);
        } catch (UnrecognizedPropertyException e) {
            String parent = path(at, e.getPath().subList(0, e.getPath().size() - 1));
            List<String> valid = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new InvalidConfigException("unknown configuration key " + parent + "." + e.getPropertyName() + ": did you mean "
                    + parent + "." + Closest.of(e.getPropertyName(), valid) + "? (valid keys here: " + String.join(", ", valid) + ")", e);
        } catch (JsonMappingException e) {
            String key = path(at, e.getPath());
            if (e.getCause() instanceof OutsideItsSet outside) {
                throw new InvalidConfigException("configuration key " + key + " " + outside.getMessage(), e);
            }
            JsonNode value = valueAt(node, e.getPath());
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                throw new InvalidConfigException("configuration key " + key + " must be " + expected(mismatch.getTargetType())
                        + ", got " + describe(value), e);
            }
            throw new InvalidConfigException("configuration key " + key + " cannot be read from " + describe(value) + ": "
                    + e.getOriginalMessage().replace('\n', ' '), e);
        } catch (IOException e) {
            throw new InvalidConfigException("configuration key " + key(at) + " cannot be read: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /** A config enum's constant by its YAML spelling, exactly as written; for the enums' {@code @JsonCreator}. */
    static <E extends Enum<E> & ConfigChoice> E choice(Class<E> type, String text) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.configName().equals(text)) {
                return constant;
            }
            names.add(constant.configName());
        }
        throw new OutsideItsSet("has value '" + text + "' outside its set: use one of " + String.join(", ", names)
                + " (closest: " + Closest.of(text, names) + ")");
    }

    /** A value outside an enum's set; Jackson wraps it with the key's path, {@link #bind} names the key. */
    private static final class OutsideItsSet extends IllegalArgumentException {
        OutsideItsSet(String message) {
            super(message);
        }
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (ConfigChoice.class.isAssignableFrom(type) && type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((ConfigChoice) constant).configName()).toList());
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of keys";
    }

    private static String path(String at, List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder(key(at));
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JsonNode valueAt(JsonNode node, List<JsonMappingException.Reference> references) {
        JsonNode value = node;
        for (JsonMappingException.Reference reference : references) {
            if (value == null) {
                return null;
            }
            value = reference.getFieldName() != null ? value.get(reference.getFieldName()) : value.get(reference.getIndex());
        }
        return value;
    }

    /** The dotted path of {@code relative} (as {@code processing.n_workers}) below {@link #ROOT}. */
    private static String key(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String required(String relative, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException("required configuration key missing: " + key(relative));
        }
        return value;
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static int between(String relative, Integer value, int fallback, int min, int max) {
        int number = or(value, fallback);
        if (number < min || number > max) {
            throw new InvalidConfigException("configuration key " + key(relative) + " must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    private static double above(String relative, Double value, double fallback, double minExclusive, double maxInclusive) {
        double number = or(value, fallback);
        if (!(number > minExclusive && number <= maxInclusive)) {
            throw new InvalidConfigException("configuration key " + key(relative) + " must be greater than " + minExclusive
                    + " and at most " + maxInclusive + ", got " + number);
        }
        return number;
    }

    private static List<String> texts(String relative, List<String> value, List<String> fallback) {
        if (value == null) {
            return fallback;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null || value.get(i).isBlank()) {
                throw new InvalidConfigException("configuration key " + key(relative) + "[" + i + "] must be a non-empty text, got "
                        + (value.get(i) == null ? "nothing" : "'" + value.get(i) + "'"));
            }
        }
        return List.copyOf(value);
    }

    private static List<Integer> wholeNumbers(String relative, List<Integer> value, List<Integer> fallback, int min) {
        if (value == null) {
            return fallback;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null || value.get(i) < min) {
                throw new InvalidConfigException("configuration key " + key(relative) + "[" + i + "] must be a whole number of at least "
                        + min + ", got " + (value.get(i) == null ? "nothing" : value.get(i)));
            }
        }
        return List.copyOf(value);
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        return value.toString();
    }

    private static LoaderConfig read(Path file, ConfigYaml.Loader root, String fingerprint, boolean createRoot) {
        LoaderConfig.DataPaths dataPaths = dataPaths(root.dataPaths(), createRoot);
        Path rootDir = dataPaths.rootDir();
        directoryStructure(root.directoryStructure());
        ConfigYaml.Inference inference = root.inference();
        ConfigYaml.Idempotency idempotency = root.idempotency();
        ConfigYaml.Audit audit = root.audit();
        return new LoaderConfig(file.toAbsolutePath(), dataPaths, filePatterns(root.filePatterns()), schema(root.schema()),
                processing(root.processing()), features(root.features()),
                new LoaderConfig.Inference(between("inference.context_length", inference.contextLength(), 512, 1, 10_000_000)),
                performance(root.performance(), rootDir),
                new LoaderConfig.Idempotency(or(idempotency.enabled(), true),
                        rootDir.resolve(or(idempotency.stateFile(), ".processed_files.json")),
                        or(idempotency.checksumAlgorithm(), ChecksumAlgorithm.MD5)),
                new LoaderConfig.Audit(or(audit.enabled(), true), rootDir.resolve(or(audit.logDir(), "audit_logs")),
                        between("audit.session_timeout_hours", audit.sessionTimeoutHours(), 24, 1, 100_000),
                        between("audit.max_log_files", audit.maxLogFiles(), 100, 1, 1_000_000)),
                build(root.build()), fingerprint);
    }

    private static LoaderConfig.DataPaths dataPaths(ConfigYaml.DataPaths paths, boolean createRoot) {
        Path rootDir = Path.of(required("data_paths.root_dir", paths.rootDir())).toAbsolutePath().normalize();
        if (createRoot && !Files.exists(rootDir)) {
            try {
                Files.createDirectories(rootDir);
            } catch (IOException e) {
                throw new InvalidConfigException("Root directory cannot be created: " + rootDir + " (" + key("data_paths.root_dir")
                        + "): " + e.getMessage(), e);
            }
        }
        if (!Files.exists(rootDir)) {
            throw new InvalidConfigException("Root directory does not exist: " + rootDir + " (" + key("data_paths.root_dir") + ")");
        }
        if (!Files.isDirectory(rootDir)) {
            throw new InvalidConfigException("Root path is not a directory: " + rootDir + " (" + key("data_paths.root_dir") + ")");
        }
        return new LoaderConfig.DataPaths(rootDir, optional(paths.trainingSubdir()), optional(paths.predictionSubdir()),
                optional(paths.incrementalSubdir()));
    }

    private static LoaderConfig.FilePatterns filePatterns(ConfigYaml.FilePatterns patterns) {
        String regex = required("file_patterns.naming_regex", patterns.namingRegex());
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigException("configuration key " + key("file_patterns.naming_regex") + " does not compile: "
                    + e.getDescription() + " [value=" + regex + "]", e);
        }
        int groups = pattern.matcher("").groupCount();
        if (groups != 7) {
            throw new InvalidConfigException("configuration key " + key("file_patterns.naming_regex") + " must have 7 groups (symbol, timeframe, "
                    + "horizon, year, month, hash, extension), it has " + groups + " [value=" + regex + "]");
        }
        return new LoaderConfig.FilePatterns(or(patterns.parquetExtension(), ".parquet"), or(patterns.jsonExtension(), ".json"), pattern);
    }

    private static void directoryStructure(ConfigYaml.DirectoryStructure structure) {
        // The layout is fixed ({root}/{YYYY}/{MM}/); the keys are accepted so the design's YAML works unchanged,
        // and anything else is refused rather than ignored.
        String year = or(structure.yearFormat(), "YYYY");
        if (!year.equals("YYYY")) {
            throw new InvalidConfigException("configuration key " + key("directory_structure.year_format") + " has value '" + year + "' outside its set: use YYYY");
        }
        String month = or(structure.monthFormat(), "MM");
        if (!month.equals("MM")) {
            throw new InvalidConfigException("configuration key " + key("directory_structure.month_format") + " has value '" + month + "' outside its set: use MM");
        }
    }

    private static LoaderConfig.SchemaConfig schema(ConfigYaml.Schema schema) {
        String datetime = required("schema.datetime_column", schema.datetimeColumn());
        List<String> targets = texts("schema.target_columns", schema.targetColumns(), List.of());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        JsonNode featureColumns = schema.featureColumns();
        String featureKey = "schema.feature_columns";
        if (featureColumns != null && !featureColumns.isNull()) {
            if (featureColumns.isArray()) {
                groups.put("features", texts(featureKey, bind(featureColumns, TEXTS, featureKey), List.of()));
            } else if (featureColumns.isObject()) {
                bind(featureColumns, GROUPS, featureKey).forEach((group, columns) ->
                        groups.put(group, texts(featureKey + "." + group, columns, List.of())));
            } else {
                throw new InvalidConfigException("configuration key " + key(featureKey) + " must be a mapping of keys, got " + describe(featureColumns));
            }
        }
        List<String> timestamps = texts("schema.timestamp_columns", schema.timestampColumns(), List.of());
        String zoneText = or(schema.timezone(), "UTC");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new InvalidConfigException("configuration key " + key("schema.timezone") + " is not a time zone: '" + zoneText
                    + "' (use an IANA name such as UTC or America/New_York)", e);
        }
        return new LoaderConfig.SchemaConfig(datetime, targets, LoaderConfig.orderedGroups(groups), timestamps, zone);
    }

    private static LoaderConfig.Processing processing(ConfigYaml.Processing processing) {
        double validation = above("processing.validation_split", processing.validationSplit(), 0.2, 0, 0.99);
        double test = processing.testSplit() == null || processing.testSplit() == 0 ? 0
                : above("processing.test_split", processing.testSplit(), 0, 0, 0.99);
        if (validation + test >= 1) {
            throw new InvalidConfigException("configuration keys " + key("processing.validation_split") + " (" + validation + ") and "
                    + key("processing.test_split") + " (" + test + ") add up to " + (validation + test) + ": they must leave rows for training");
        }
        return new LoaderConfig.Processing(
                or(processing.nullHandling(), NullHandling.FORWARD_FILL),
                or(processing.outlierDetection(), true),
                or(processing.outlierMethod(), OutlierMethod.IQR),
                above("processing.outlier_threshold", processing.outlierThreshold(), 3.0, 0, 1e9),
                or(processing.outlierAction(), OutlierAction.REPORT),
                above("processing.isolation_score_threshold", processing.isolationScoreThreshold(), 0.7, 0, 1),
                between("processing.isolation_trees", processing.isolationTrees(), 100, 1, 10_000),
                or(processing.randomSeed(), 42),
                or(processing.optimizeDtypes(), true),
                or(processing.useCategorical(), true),
                between("processing.chunk_size", processing.chunkSize(), 10_000, 1, Integer.MAX_VALUE),
                validation,
                or(processing.scaling(), Scaling.STANDARD),
                test,
                between("processing.split_gap", processing.splitGap(), 0, 0, Integer.MAX_VALUE));
    }

    private static LoaderConfig.Features features(ConfigYaml.Features features) {
        List<String> allowedStats = List.of("mean", "std", "min", "max");
        List<String> stats = texts("features.rolling_stats", features.rollingStats(), allowedStats);
        for (String stat : stats) {
            if (!allowedStats.contains(stat)) {
                throw new InvalidConfigException("configuration key " + key("features.rolling_stats") + " has value '" + stat
                        + "' outside its set: use mean, std, min, max (closest: " + Closest.of(stat, allowedStats) + ")");
            }
        }
        List<String> correlations = texts("features.correlations", features.correlations(), List.of());
        for (String pair : correlations) {
            if (pair.split(":").length != 2) {
                throw new InvalidConfigException("configuration key " + key("features.correlations") + " entry '" + pair
                        + "' must name two columns as column:other");
            }
        }
        return new LoaderConfig.Features(or(features.enabled(), true), texts("features.columns", features.columns(), List.of()),
                wholeNumbers("features.lags", features.lags(), List.of(1, 5, 15), 1), or(features.differences(), true),
                wholeNumbers("features.rolling_windows", features.rollingWindows(), List.of(5, 15, 60), 2), stats, correlations,
                between("features.correlation_window", features.correlationWindow(), 60, 2, 1_000_000), or(features.spreads(), true),
                between("features.volatility_window", features.volatilityWindow(), 30, 2, 1_000_000),
                texts("features.volatility_columns", features.volatilityColumns(), List.of("target_close", "target_mid")),
                or(features.alignDaily(), true));
    }

    private static LoaderConfig.Performance performance(ConfigYaml.Performance performance, Path rootDir) {
        String limitText = or(performance.memoryLimit(), "2GB");
        return new LoaderConfig.Performance(or(performance.useParallel(), true),
                between("performance.n_workers", performance.nWorkers(), 4, 1, 1024),
                parseSize(limitText, key("performance.memory_limit")), limitText, or(performance.cacheIntermediate(), true),
                rootDir.resolve(or(performance.cacheDir(), "data/cache/parquet")));
    }

    private static LoaderConfig.Build build(ConfigYaml.Build build) {
        List<LoaderConfig.BuildFeature> features = new ArrayList<>();
        build.features().forEach((prefix, given) -> {
            String path = "build.features." + prefix;
            if (!prefix.matches("[a-z][a-z0-9_]*")) {
                throw new InvalidConfigException("configuration key " + key(path) + ": a feature prefix is lower-case letters, digits and _");
            }
            ConfigYaml.BuildFeature feature = given == null ? new ConfigYaml.BuildFeature(null, null) : given;
            String kind = or(feature.kind(), "quotes");
            if (!Set.of("quotes", "bars").contains(kind)) {
                throw new InvalidConfigException("configuration key " + key(path + ".kind") + " has value '" + kind + "' outside its set: use quotes, bars");
            }
            features.add(new LoaderConfig.BuildFeature(prefix, required(path + ".symbol", feature.symbol()), kind));
        });
        return new LoaderConfig.Build(between("build.horizon", build.horizon(), 15, 1, 1_000_000),
                between("build.volatility_window", build.volatilityWindow(), 30, 2, 1_000_000), List.copyOf(features));
    }

    /** {@code 2GB}, {@code 512MB}, {@code 1.5GiB}, or a number of bytes. */
    static long parseSize(String text, String key) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidConfigException("configuration key " + key + " must be a size such as 2GB or 512MB, got '" + text + "'");
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1L;
        };
        return (long) (number * factor);
    }

    private static String fingerprint(JsonNode tree) {
        try {
            return new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(new ObjectMapper().treeToValue(tree, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot print the configuration: " + e.getMessage(), e);
        }
    }
}
