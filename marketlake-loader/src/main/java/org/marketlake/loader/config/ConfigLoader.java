package org.marketlake.loader.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.marketlake.core.error.InvalidConfigException;

/**
 * Reads the YAML of design 000 section 2.1 and fails fast: a missing file, a missing required key
 * ({@code data_paths.root_dir}, {@code file_patterns.naming_regex}, {@code schema.datetime_column}), an unknown
 * key (with the closest valid one), a value of the wrong type or outside its set are each a {@link InvalidConfigException}
 * naming the key's dotted path.
 */
public final class ConfigLoader {
    static final String ROOT = "parquet_loader";
    private static final Set<String> SECTIONS = Set.of("data_paths", "file_patterns", "directory_structure", "schema",
            "processing", "features", "inference", "performance", "idempotency", "audit", "build");
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?i?B?)\\s*", Pattern.CASE_INSENSITIVE);

    private ConfigLoader() {}

    public static LoaderConfig load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidConfigException("Configuration file not found: " + file);
        }
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature()))
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(file.toFile());
        } catch (IOException e) {
            Matcher duplicate = Pattern.compile("Duplicate field '([^']*)'").matcher(String.valueOf(e.getMessage()));
            if (duplicate.find()) {
                String where = e instanceof com.fasterxml.jackson.core.JacksonException j && j.getLocation() != null
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
            ConfigNode root = ConfigNode.of(tree.get(ROOT), ROOT, SECTIONS);
            return read(file, root, fingerprint(tree));
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(e.getMessage() + " [file=" + file + "]", e);
        }
    }

    private static LoaderConfig read(Path file, ConfigNode root, String fingerprint) {
        LoaderConfig.DataPaths dataPaths = dataPaths(root.section("data_paths",
                Set.of("root_dir", "training_subdir", "prediction_subdir", "incremental_subdir")));
        Path rootDir = dataPaths.rootDir();
        LoaderConfig.FilePatterns patterns = filePatterns(root.section("file_patterns",
                Set.of("parquet_extension", "json_extension", "naming_regex")));
        directoryStructure(root.section("directory_structure", Set.of("year_format", "month_format")));
        LoaderConfig.SchemaConfig schema = schema(root.section("schema",
                Set.of("datetime_column", "target_columns", "feature_columns", "timestamp_columns", "timezone")));
        LoaderConfig.Processing processing = processing(root.section("processing", Set.of("null_handling",
                "outlier_detection", "outlier_method", "outlier_threshold", "outlier_action", "isolation_score_threshold",
                "isolation_trees", "random_seed", "optimize_dtypes", "use_categorical", "chunk_size", "validation_split",
                "scaling")));
        LoaderConfig.Features features = features(root.section("features", Set.of("enabled", "columns", "lags",
                "differences", "rolling_windows", "rolling_stats", "correlations", "correlation_window", "spreads",
                "volatility_window", "volatility_columns", "align_daily")));
        ConfigNode inferenceNode = root.section("inference", Set.of("context_length"));
        LoaderConfig.Inference inference = new LoaderConfig.Inference(inferenceNode.integer("context_length", 512, 1, 10_000_000));
        LoaderConfig.Performance performance = performance(root.section("performance",
                Set.of("use_parallel", "n_workers", "memory_limit", "cache_intermediate", "cache_dir")), rootDir);
        ConfigNode idempotencyNode = root.section("idempotency", Set.of("enabled", "state_file", "checksum_algorithm"));
        LoaderConfig.Idempotency idempotency = new LoaderConfig.Idempotency(idempotencyNode.bool("enabled", true),
                rootDir.resolve(idempotencyNode.text("state_file", ".processed_files.json")),
                idempotencyNode.choice("checksum_algorithm", ChecksumAlgorithm.MD5, ChecksumAlgorithm.class));
        ConfigNode auditNode = root.section("audit", Set.of("enabled", "log_dir", "session_timeout_hours", "max_log_files"));
        LoaderConfig.Audit audit = new LoaderConfig.Audit(auditNode.bool("enabled", true),
                rootDir.resolve(auditNode.text("log_dir", "audit_logs")),
                auditNode.integer("session_timeout_hours", 24, 1, 100_000), auditNode.integer("max_log_files", 100, 1, 1_000_000));
        LoaderConfig.Build build = build(root.section("build", Set.of("horizon", "volatility_window", "features")));
        return new LoaderConfig(file.toAbsolutePath(), dataPaths, patterns, schema, processing, features, inference,
                performance, idempotency, audit, build, fingerprint);
    }

    private static LoaderConfig.DataPaths dataPaths(ConfigNode node) {
        String rootText = node.requiredText("root_dir");
        Path rootDir = Path.of(rootText).toAbsolutePath().normalize();
        if (!Files.exists(rootDir)) {
            throw new InvalidConfigException("Root directory does not exist: " + rootDir + " (" + node.path() + ".root_dir)");
        }
        if (!Files.isDirectory(rootDir)) {
            throw new InvalidConfigException("Root path is not a directory: " + rootDir + " (" + node.path() + ".root_dir)");
        }
        return new LoaderConfig.DataPaths(rootDir, node.optionalText("training_subdir"),
                node.optionalText("prediction_subdir"), node.optionalText("incremental_subdir"));
    }

    private static LoaderConfig.FilePatterns filePatterns(ConfigNode node) {
        String regex = node.requiredText("naming_regex");
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigException("configuration key " + node.path() + ".naming_regex does not compile: "
                    + e.getDescription() + " [value=" + regex + "]", e);
        }
        int groups = pattern.matcher("").groupCount();
        if (groups != 7) {
            throw new InvalidConfigException("configuration key " + node.path() + ".naming_regex must have 7 groups (symbol, timeframe, "
                    + "horizon, year, month, hash, extension), it has " + groups + " [value=" + regex + "]");
        }
        return new LoaderConfig.FilePatterns(node.text("parquet_extension", ".parquet"), node.text("json_extension", ".json"), pattern);
    }

    private static void directoryStructure(ConfigNode node) {
        // The layout is fixed ({root}/{YYYY}/{MM}/); the keys are accepted so the design's YAML works unchanged,
        // and anything else is refused rather than ignored.
        String year = node.text("year_format", "YYYY");
        if (!year.equals("YYYY")) {
            throw new InvalidConfigException("configuration key " + node.path() + ".year_format has value '" + year + "' outside its set: use YYYY");
        }
        String month = node.text("month_format", "MM");
        if (!month.equals("MM")) {
            throw new InvalidConfigException("configuration key " + node.path() + ".month_format has value '" + month + "' outside its set: use MM");
        }
    }

    private static LoaderConfig.SchemaConfig schema(ConfigNode node) {
        String datetime = node.requiredText("datetime_column");
        List<String> targets = node.textList("target_columns", List.of());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (node.has("feature_columns")) {
            JsonNode raw = rawChild(node, "feature_columns");
            if (raw.isArray()) {
                groups.put("features", node.textList("feature_columns", List.of()));
            } else {
                ConfigNode featureNode = ConfigNode.of(raw, node.path() + ".feature_columns", fieldNames(raw));
                for (String group : fieldNames(raw)) {
                    groups.put(group, featureNode.textList(group, List.of()));
                }
            }
        }
        List<String> timestamps = node.textList("timestamp_columns", List.of());
        String zoneText = node.text("timezone", "UTC");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new InvalidConfigException("configuration key " + node.path() + ".timezone is not a time zone: '" + zoneText
                    + "' (use an IANA name such as UTC or America/New_York)", e);
        }
        return new LoaderConfig.SchemaConfig(datetime, targets, LoaderConfig.orderedGroups(groups), timestamps, zone);
    }

    private static LoaderConfig.Processing processing(ConfigNode node) {
        return new LoaderConfig.Processing(
                node.choice("null_handling", NullHandling.FORWARD_FILL, NullHandling.class),
                node.bool("outlier_detection", true),
                node.choice("outlier_method", OutlierMethod.IQR, OutlierMethod.class),
                node.decimal("outlier_threshold", 3.0, 0, 1e9),
                node.choice("outlier_action", OutlierAction.REPORT, OutlierAction.class),
                node.decimal("isolation_score_threshold", 0.7, 0, 1),
                node.integer("isolation_trees", 100, 1, 10_000),
                node.integer("random_seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.bool("optimize_dtypes", true),
                node.bool("use_categorical", true),
                node.integer("chunk_size", 10_000, 1, Integer.MAX_VALUE),
                node.decimal("validation_split", 0.2, 0, 0.99),
                node.choice("scaling", Scaling.STANDARD, Scaling.class));
    }

    private static LoaderConfig.Features features(ConfigNode node) {
        List<String> stats = node.textList("rolling_stats", List.of("mean", "std", "min", "max"));
        for (String stat : stats) {
            if (!Set.of("mean", "std", "min", "max").contains(stat)) {
                throw new InvalidConfigException("configuration key " + node.path() + ".rolling_stats has value '" + stat
                        + "' outside its set: use mean, std, min, max (closest: " + Closest.of(stat, List.of("mean", "std", "min", "max")) + ")");
            }
        }
        List<String> correlations = node.textList("correlations", List.of());
        for (String pair : correlations) {
            if (pair.split(":").length != 2) {
                throw new InvalidConfigException("configuration key " + node.path() + ".correlations entry '" + pair
                        + "' must name two columns as column:other");
            }
        }
        return new LoaderConfig.Features(node.bool("enabled", true), node.textList("columns", List.of()),
                node.integerList("lags", List.of(1, 5, 15), 1), node.bool("differences", true),
                node.integerList("rolling_windows", List.of(5, 15, 60), 2), stats, correlations,
                node.integer("correlation_window", 60, 2, 1_000_000), node.bool("spreads", true),
                node.integer("volatility_window", 30, 2, 1_000_000),
                node.textList("volatility_columns", List.of("target_close", "target_mid")), node.bool("align_daily", true));
    }

    private static LoaderConfig.Performance performance(ConfigNode node, Path rootDir) {
        String limitText = node.text("memory_limit", "2GB");
        return new LoaderConfig.Performance(node.bool("use_parallel", true), node.integer("n_workers", 4, 1, 1024),
                parseSize(limitText, node.path() + ".memory_limit"), limitText, node.bool("cache_intermediate", true),
                rootDir.resolve(node.text("cache_dir", "data/cache/parquet")));
    }

    private static LoaderConfig.Build build(ConfigNode node) {
        List<LoaderConfig.BuildFeature> features = new ArrayList<>();
        for (var entries = node.entries("features"); entries.hasNext(); ) {
            var entry = entries.next();
            String path = node.path() + ".features." + entry.getKey();
            if (!entry.getKey().matches("[a-z][a-z0-9_]*")) {
                throw new InvalidConfigException("configuration key " + path + ": a feature prefix is lower-case letters, digits and _");
            }
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                features.add(new LoaderConfig.BuildFeature(entry.getKey(), value.asText(), "quotes"));
            } else {
                ConfigNode feature = ConfigNode.of(value, path, Set.of("symbol", "kind"));
                String kind = feature.text("kind", "quotes");
                if (!Set.of("quotes", "bars").contains(kind)) {
                    throw new InvalidConfigException("configuration key " + path + ".kind has value '" + kind + "' outside its set: use quotes, bars");
                }
                features.add(new LoaderConfig.BuildFeature(entry.getKey(), feature.requiredText("symbol"), kind));
            }
        }
        return new LoaderConfig.Build(node.integer("horizon", 15, 1, 1_000_000),
                node.integer("volatility_window", 30, 2, 1_000_000), List.copyOf(features));
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

    private static JsonNode rawChild(ConfigNode node, String name) {
        return node.raw(name);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
