package org.marketlake.loader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.table.Columns;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/** Fixture files with the design's full column template, and configs around them. */
public final class Fixtures {
    public static final String SYMBOL = "EURUSD";
    public static final String HASH = "769b531dbb2ff3cb";
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Fixtures() {}

    public static Path parquet(Path root, int year, int month, Table table) {
        return SampleMonths.write(table, SampleMonths.pathOf(root, SYMBOL, "1min", 15, year, month, HASH, "parquet"));
    }

    public static Path json(Path root, int year, int month, Table table) {
        return SampleMonths.write(table, SampleMonths.pathOf(root, SYMBOL, "1min", 15, year, month, HASH, "json"));
    }

    /** The design's YAML for {@code root}, with {@code replacements} applied as (old, new) text pairs. */
    public static Path config(Path dir, Path root, String... replacements) {
        String yaml = SampleMonths.designConfig(root);
        for (int i = 0; i < replacements.length; i += 2) {
            if (!yaml.contains(replacements[i])) {
                throw new IllegalArgumentException("config has no " + replacements[i]);
            }
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        return write(dir.resolve("config-" + Integer.toHexString(yaml.hashCode()) + ".yaml"), yaml);
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pandas JSON orientations. */
    public enum Orientation { RECORDS, LINES, SPLIT, COLUMNS, TABLE }

    /** Writes {@code table} as pandas would with {@code to_json(orient=...)} (lines: {@code lines=True}). */
    public static Path json(Path file, Table table, Orientation orientation) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode records = mapper.createArrayNode();
        for (int row = 0; row < table.rows(); row++) {
            ObjectNode record = records.addObject();
            record.put("ds", TEXT.format(Instant.ofEpochSecond(table.ds()[row] / 1_000_000L)));
            for (TableColumn column : table.columns()) {
                switch (column) {
                    case TableColumn.Times times -> record.put(column.name(), times.micros()[row] == TableColumn.NULL_TIME
                            ? null : TEXT.format(Instant.ofEpochSecond(times.micros()[row] / 1_000_000L)));
                    case TableColumn.Texts texts -> record.put(column.name(), texts.values()[row]);
                    default -> {
                        double value = Columns.doubles(column)[row];
                        if (Double.isNaN(value)) {
                            record.putNull(column.name());
                        } else {
                            record.put(column.name(), value);
                        }
                    }
                }
            }
        }
        try {
            Files.createDirectories(file.getParent());
            String text = switch (orientation) {
                case RECORDS -> mapper.writeValueAsString(records);
                case LINES -> {
                    StringBuilder lines = new StringBuilder();
                    for (var record : records) {
                        lines.append(mapper.writeValueAsString(record)).append('\n');
                    }
                    yield lines.toString();
                }
                case SPLIT -> {
                    ObjectNode split = mapper.createObjectNode();
                    ArrayNode names = split.putArray("columns");
                    records.get(0).fieldNames().forEachRemaining(names::add);
                    ArrayNode index = split.putArray("index");
                    ArrayNode data = split.putArray("data");
                    for (int row = 0; row < records.size(); row++) {
                        index.add(row);
                        ArrayNode values = data.addArray();
                        records.get(row).forEach(values::add);
                    }
                    yield mapper.writeValueAsString(split);
                }
                case COLUMNS -> {
                    ObjectNode columns = mapper.createObjectNode();
                    for (int row = 0; row < records.size(); row++) {
                        int label = row;
                        records.get(row).fields().forEachRemaining(field -> {
                            ObjectNode column = columns.has(field.getKey()) ? (ObjectNode) columns.get(field.getKey())
                                    : columns.putObject(field.getKey());
                            column.set(Integer.toString(label), field.getValue());
                        });
                    }
                    yield mapper.writeValueAsString(columns);
                }
                case TABLE -> {
                    ObjectNode tableNode = mapper.createObjectNode();
                    tableNode.putObject("schema").put("pandas_version", "1.4.0");
                    tableNode.set("data", records);
                    yield mapper.writeValueAsString(tableNode);
                }
            };
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
