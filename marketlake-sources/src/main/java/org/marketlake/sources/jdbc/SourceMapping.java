package org.marketlake.sources.jdbc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.DataKind;

/**
 * How a source database is laid out: one {@link TableMapping} per lake kind that is exported. Without a mapping
 * file every kind is looked for under its default table ({@code bars_1s}, {@code bars_1m}, ..., {@code quotes});
 * a mapping file (YAML, schema in docs/SOURCES.md) overrides tables, columns, units and zones:
 *
 * <pre>
 * timezone: America/New_York       # zone of naive timestamps, for every table (optional)
 * tables:
 *   bars_1m:                       # the lake kind: bars_1s, bars_1m, bars_5m, bars_15m, bars_1h, bars_1d, quotes
 *     table: minute_bars           # source table (default: the kind's name)
 *     timestamp_unit: ms           # integer timestamps: s, ms, us (default) or ns
 *     timezone: UTC                # overrides the top-level zone for this table
 *     columns: {symbol: ticker, timestamp: ts, volume: vol}
 *   quotes: {enabled: false}       # not exported even if the table exists
 * </pre>
 *
 * @param explicit kinds named in the mapping file: their table must exist (a default table may be absent)
 */
public record SourceMapping(List<TableMapping> tables, List<DataKind> explicit) {
    public SourceMapping {
        tables = List.copyOf(tables);
        explicit = List.copyOf(explicit);
    }

    /** The default layout: every kind under its own name. */
    public static SourceMapping defaults() {
        return new SourceMapping(LakeLayout.kinds().stream().map(TableMapping::defaults).toList(), List.of());
    }

    record TableEntry(String table, @JsonProperty("timestamp_unit") String timestampUnit, String timezone,
            Map<String, String> columns, Boolean enabled) {}

    record FileEntry(String timezone, Map<String, TableEntry> tables) {}

    /** Reads a mapping file; any mistake is a usage error naming the file and the key. */
    public static SourceMapping load(Path file) {
        FileEntry entry;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            entry = yaml.readValue(Files.readString(file), FileEntry.class);
        } catch (IOException e) {
            throw new InvalidRequestException("cannot read the mapping [file=" + file + "]: " + firstLine(e.getMessage()), e);
        }
        if (entry == null) {
            return defaults();
        }
        try {
            return fromEntry(entry);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("bad mapping [file=" + file + "]: " + e.getMessage(), e);
        }
    }

    private static SourceMapping fromEntry(FileEntry entry) {
        ZoneId globalZone = zone(entry.timezone(), "timezone");
        Map<String, TableEntry> entries = entry.tables() == null ? Map.of() : entry.tables();
        Map<String, DataKind> kindsByName = new LinkedHashMap<>();
        for (DataKind kind : LakeLayout.kinds()) {
            kindsByName.put(kind.viewName(), kind);
        }
        for (String name : entries.keySet()) {
            if (!kindsByName.containsKey(name)) {
                throw new InvalidRequestException("unknown kind under tables [value=" + name + "]: use " + String.join(", ", kindsByName.keySet()));
            }
        }
        List<TableMapping> tables = new ArrayList<>();
        List<DataKind> explicit = new ArrayList<>();
        for (DataKind kind : kindsByName.values()) {
            TableEntry table = entries.get(kind.viewName());
            if (table == null) {
                TableMapping defaults = TableMapping.defaults(kind);
                tables.add(new TableMapping(kind, defaults.table(), Map.of(), defaults.unit(), globalZone));
                continue;
            }
            if (Boolean.FALSE.equals(table.enabled())) {
                continue;
            }
            String where = "tables." + kind.viewName();
            ZoneId zone = table.timezone() == null ? globalZone : zone(table.timezone(), where + ".timezone");
            TimestampUnit unit = table.timestampUnit() == null ? TimestampUnit.MICROSECONDS : TimestampUnit.parse(table.timestampUnit());
            tables.add(new TableMapping(kind, table.table() == null ? kind.viewName() : table.table(),
                    table.columns() == null ? Map.of() : table.columns(), unit, zone));
            explicit.add(kind);
        }
        return new SourceMapping(tables, explicit);
    }

    private static ZoneId zone(String text, String key) {
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("unknown time zone under " + key + " [value=" + text + "]: use a region such as America/New_York or UTC");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
