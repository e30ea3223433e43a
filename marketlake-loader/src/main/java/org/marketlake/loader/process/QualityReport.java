package org.marketlake.loader.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Data quality of a load (design 000 section 7): missing values per column, temporal consistency (order,
 * duplicates, gaps against the timeframe with market closures told apart from gaps inside sessions),
 * outliers, and schema compliance; with design 11.3's data freshness (time since the last row, overall and per
 * file) and feature completeness (per column and their mean), which are measures, never issues.
 * {@link #isValid()} when {@link #issues()} is empty.
 */
public record QualityReport(int rows, List<Missing> missing, Temporal temporal, List<OutlierReport> outliers,
        Schema schema, Freshness freshness, List<String> issues) {
    public QualityReport {
        java.util.Objects.requireNonNull(freshness, "freshness");
        missing = List.copyOf(missing);
        outliers = List.copyOf(outliers);
        issues = List.copyOf(issues);
    }

    public record Missing(String column, int count, double fraction) {
        /** Feature completeness (design 11.3): the fraction of rows holding a value. */
        public double completeness() {
            return 1 - fraction;
        }
    }

    /**
     * Data freshness (design 11.3): the time since the last row, overall and per source file, as of {@code now}.
     * Times are ISO-8601 UTC; ages whole seconds (negative when a row is after {@code now}).
     */
    public record Freshness(String now, String lastRow, long ageSeconds, List<FileAge> files) {
        public Freshness {
            files = List.copyOf(files);
        }
    }

    /** One source file's last row and its age. */
    public record FileAge(String file, String lastRow, long ageSeconds) {}

    /** Mean completeness over the checked columns (1 when there are none). */
    public double completeness() {
        return missing.stream().mapToDouble(Missing::completeness).average().orElse(1);
    }

    /** One stretch without rows: its bounds (the rows around it) and how many rows the timeframe expects inside. */
    public record Gap(String after, String before, long missingRows, boolean closure) {}

    /**
     * @param stepMicros the timeframe's step (-1 when the timeframe is unknown: no gap analysis)
     * @param gaps stretches with rows missing inside trading sessions
     * @param closures stretches that only span times without sessions (nights, weekends, holidays)
     */
    public record Temporal(int outOfOrder, int duplicates, long stepMicros, int gaps, long rowsMissingInGaps,
            int closures, List<Gap> largestGaps) {
        public Temporal {
            largestGaps = List.copyOf(largestGaps);
        }
    }

    /**
     * @param unavailable configured columns the source cannot provide, each {@code "column (reason)"}: reported once,
     *     left out of the other checks and of {@link #isValid()}
     */
    public record Schema(List<String> expected, List<String> missingColumns, List<String> extraColumns, List<String> unavailable) {
        public Schema {
            unavailable = List.copyOf(unavailable);
            expected = List.copyOf(expected);
            missingColumns = List.copyOf(missingColumns);
            extraColumns = List.copyOf(extraColumns);
        }
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /** A readable table: one section per check, then the issues. */
    public String toTable() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "rows: %d%n", rows));
        text.append(String.format(Locale.ROOT, "%-32s %10s %9s %12s%n", "column", "missing", "percent", "completeness"));
        for (Missing column : missing) {
            text.append(String.format(Locale.ROOT, "%-32s %10d %8.2f%% %11.2f%%%n", column.column(), column.count(),
                    100 * column.fraction(), 100 * column.completeness()));
        }
        text.append(String.format(Locale.ROOT, "completeness: %.2f%% (mean over %d columns)%n", 100 * completeness(), missing.size()));
        text.append(String.format(Locale.ROOT, "freshness: last row %s, %s before %s%n", freshness.lastRow(),
                age(freshness.ageSeconds()), freshness.now()));
        for (FileAge file : freshness.files()) {
            text.append(String.format(Locale.ROOT, "  %s: last row %s, %s old%n", file.file(), file.lastRow(), age(file.ageSeconds())));
        }
        text.append(String.format(Locale.ROOT, "temporal: %d out of order, %d duplicate timestamps, %d gaps in sessions "
                + "(%d rows missing), %d market closures%n", temporal.outOfOrder(), temporal.duplicates(), temporal.gaps(),
                temporal.rowsMissingInGaps(), temporal.closures()));
        for (Gap gap : temporal.largestGaps()) {
            text.append(String.format(Locale.ROOT, "  gap %s .. %s: %d rows missing%n", gap.after(), gap.before(), gap.missingRows()));
        }
        text.append(String.format(Locale.ROOT, "%-32s %10s %14s %14s%n", "outliers", "count", "lower", "upper"));
        for (OutlierReport outlier : outliers) {
            text.append(String.format(Locale.ROOT, "%-32s %10d %14.6g %14.6g%n", outlier.column(), outlier.outliers(),
                    outlier.lower(), outlier.upper()));
        }
        text.append(String.format(Locale.ROOT, "schema: %d expected columns, missing %s, extra %s%n", schema.expected().size(),
                schema.missingColumns(), schema.extraColumns()));
        if (!schema.unavailable().isEmpty()) {
            text.append(String.format(Locale.ROOT, "unavailable (the source cannot provide them; not checked): %s%n",
                    String.join(", ", schema.unavailable())));
        }
        text.append(isValid() ? "valid: yes\n" : "valid: no\n");
        for (String issue : issues) {
            text.append("issue: ").append(issue).append('\n');
        }
        return text.toString();
    }

    /** {@code 3d 4h 5m 6s} (leading zero units left out). */
    static String age(long seconds) {
        String sign = seconds < 0 ? "-" : "";
        long s = Math.abs(seconds);
        StringBuilder text = new StringBuilder(sign);
        if (s >= 86_400) {
            text.append(s / 86_400).append("d ");
        }
        if (s >= 3_600) {
            text.append(s / 3_600 % 24).append("h ");
        }
        if (s >= 60) {
            text.append(s / 60 % 60).append("m ");
        }
        return text.append(s % 60).append('s').toString();
    }

    /** The report as one JSON document, indented. */
    public String toJson() {
        return text(tree(), true);
    }

    /** The same document on one line (JSON lines: one report, one line). */
    public String toJsonLine() {
        return text(tree(), false);
    }

    /**
     * The report as records for CSV: one row per value of the JSON document, {@code metric} its dotted path
     * ({@code missing_values.close.count}, {@code temporal.largest_gaps.0.after}), {@code value} as in the JSON.
     */
    public org.marketlake.core.format.Rows metrics() {
        List<Object[]> rows = new java.util.ArrayList<>();
        flatten("", tree(), rows);
        return org.marketlake.core.format.Rows.table(List.of("metric", "value"), rows);
    }

    private static void flatten(String path, com.fasterxml.jackson.databind.JsonNode node, List<Object[]> rows) {
        if (node.isContainerNode()) {
            if (node.isEmpty()) {
                rows.add(new Object[] {path, node.isArray() ? "[]" : "{}"});
            }
            int[] index = {0};
            node.fields().forEachRemaining(field -> flatten(join(path, field.getKey()), field.getValue(), rows));
            if (node.isArray()) {
                node.forEach(element -> flatten(join(path, Integer.toString(index[0]++)), element, rows));
            }
        } else {
            rows.add(new Object[] {path, node.isNull() ? null : node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText()});
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String text(ObjectNode root, boolean indented) {
        ObjectMapper json = indented ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT) : new ObjectMapper();
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode tree() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("valid", isValid());
        root.put("rows", rows);
        ObjectNode missingNode = root.putObject("missing_values");
        missing.forEach(column -> missingNode.putObject(column.column()).put("count", column.count()).put("fraction", column.fraction()));
        ObjectNode completenessNode = root.putObject("completeness");
        completenessNode.put("mean", completeness());
        ObjectNode columnsNode = completenessNode.putObject("columns");
        missing.forEach(column -> columnsNode.put(column.column(), column.completeness()));
        ObjectNode freshnessNode = root.putObject("freshness");
        freshnessNode.put("now", freshness.now()).put("last_row", freshness.lastRow()).put("age_seconds", freshness.ageSeconds());
        ArrayNode filesNode = freshnessNode.putArray("files");
        freshness.files().forEach(file -> filesNode.addObject().put("file", file.file()).put("last_row", file.lastRow())
                .put("age_seconds", file.ageSeconds()));
        ObjectNode temporalNode = root.putObject("temporal");
        temporalNode.put("out_of_order", temporal.outOfOrder()).put("duplicates", temporal.duplicates())
                .put("step_micros", temporal.stepMicros()).put("gaps", temporal.gaps())
                .put("rows_missing_in_gaps", temporal.rowsMissingInGaps()).put("market_closures", temporal.closures());
        ArrayNode gapsNode = temporalNode.putArray("largest_gaps");
        temporal.largestGaps().forEach(gap -> gapsNode.addObject().put("after", gap.after()).put("before", gap.before())
                .put("missing_rows", gap.missingRows()));
        ObjectNode outlierNode = root.putObject("outliers");
        outliers.forEach(outlier -> outlierNode.putObject(outlier.column()).put("method", outlier.method())
                .put("count", outlier.outliers()).put("lower", outlier.lower()).put("upper", outlier.upper()));
        ObjectNode schemaNode = root.putObject("schema");
        schemaNode.set("missing_columns", json.valueToTree(schema.missingColumns()));
        schemaNode.set("extra_columns", json.valueToTree(schema.extraColumns()));
        schemaNode.set("unavailable_columns", json.valueToTree(schema.unavailable()));
        root.set("issues", json.valueToTree(issues));
        return root;
    }
}
