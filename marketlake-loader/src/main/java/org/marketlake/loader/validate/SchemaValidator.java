package org.marketlake.loader.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.SchemaMismatchException;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.table.SourceType;

/**
 * Checks a file's columns against the configuration before its rows are read: the datetime column exists and
 * holds text, instants or epoch numbers; every configured target exists and is numeric, every feature is numeric;
 * every timestamp column holds text or instants. A configured feature or timestamp column the file lacks is
 * reported as unavailable (the source cannot provide it), not read. Anything else is a {@link SchemaMismatchException}
 * naming file and column. Columns the configuration does not name are listed as extras.
 */
public final class SchemaValidator {
    private final LoaderConfig.SchemaConfig schema;

    public SchemaValidator(LoaderConfig.SchemaConfig schema) {
        this.schema = schema;
    }

    /**
     * @param expectedTargets the targets found in the first file of a load when the configuration names none
     *     (every {@code target_*} column), so later files must have the same; empty to take them from this file
     */
    public SchemaReport validate(Path file, Map<String, SourceType> columns, List<String> expectedTargets) {
        String datetime = schema.datetimeColumn();
        SourceType datetimeType = require(file, columns, datetime, "datetime column (schema.datetime_column)");
        if (!(datetimeType == SourceType.TEXT || datetimeType.isTime() || datetimeType == SourceType.NUMBER)) {
            throw new SchemaMismatchException("Datetime column holds no timestamps [file=" + file + ", column=" + datetime
                    + ", type=" + datetimeType + "]");
        }
        List<String> targets = !schema.targetColumns().isEmpty() ? schema.targetColumns()
                : !expectedTargets.isEmpty() ? expectedTargets
                : columns.keySet().stream().filter(name -> name.startsWith("target_")).toList();
        if (targets.isEmpty()) {
            throw new SchemaMismatchException("No target columns [file=" + file + "]: the file has no target_* column and "
                    + "schema.target_columns names none; columns are " + columns.keySet());
        }
        for (String target : targets) {
            requireNumeric(file, columns, target, "target column (schema.target_columns)");
        }
        // A configured feature or timestamp column the file lacks is one the source cannot provide (yields without
        // a yield source, say): unavailable, not an error. The loader checks that every file of a load agrees.
        List<String> unavailable = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (String feature : schema.featureColumns()) {
            if (columns.containsKey(feature)) {
                requireNumeric(file, columns, feature, "feature column (schema.feature_columns)");
                features.add(feature);
            } else {
                unavailable.add(feature);
            }
        }
        List<String> timestamps = new ArrayList<>();
        for (String timestamp : schema.timestampColumns()) {
            if (!columns.containsKey(timestamp)) {
                unavailable.add(timestamp);
                continue;
            }
            timestamps.add(timestamp);
            SourceType type = require(file, columns, timestamp, "timestamp column (schema.timestamp_columns)");
            if (!(type == SourceType.TEXT || type.isTime())) {
                throw new SchemaMismatchException("Timestamp column holds neither text nor timestamps [file=" + file
                        + ", column=" + timestamp + ", type=" + type + "]");
            }
        }
        List<String> extras = new ArrayList<>();
        for (String name : columns.keySet()) {
            if (!name.equals(datetime) && !targets.contains(name) && !features.contains(name) && !timestamps.contains(name)) {
                extras.add(name);
            }
        }
        return new SchemaReport(datetime, targets, features, timestamps, extras, unavailable);
    }

    private static SourceType require(Path file, Map<String, SourceType> columns, String name, String role) {
        SourceType type = columns.get(name);
        if (type == null) {
            throw new SchemaMismatchException("Required column missing [file=" + file + ", column=" + name + "]: the " + role
                    + " is not among the file's " + columns.size() + " columns");
        }
        return type;
    }

    private static void requireNumeric(Path file, Map<String, SourceType> columns, String name, String role) {
        SourceType type = require(file, columns, name, role);
        if (!type.isNumeric()) {
            throw new SchemaMismatchException("Column is not numeric [file=" + file + ", column=" + name + ", type=" + type
                    + "]: a " + role + " must hold numbers");
        }
    }
}
