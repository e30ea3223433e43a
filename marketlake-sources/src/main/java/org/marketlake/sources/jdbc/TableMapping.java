package org.marketlake.sources.jdbc;

import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.LakeSchema;

/**
 * Where one lake kind comes from in the source database: a table, the source column of each lake column
 * (the lake's own name unless mapped), the unit of integer timestamps and the zone of naive timestamps.
 *
 * @param zone the zone of {@code timestamp without time zone} columns and ISO text without an offset; null when
 *     the source declares none (then naive values are refused, see docs/SOURCES.md)
 */
record TableMapping(DataKind kind, String table, Map<String, String> columns, TimestampUnit unit, ZoneId zone) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    public TableMapping {
        if (kind == null || unit == null) {
            throw new IllegalArgumentException("a table mapping needs a kind and a timestamp unit");
        }
        checkIdentifier(table, "table of " + kind.viewName());
        columns = Map.copyOf(columns);
        for (Map.Entry<String, String> entry : columns.entrySet()) {
            if (kind.schema().indexOf(entry.getKey()) < 0 || entry.getKey().equals("spread")) {
                throw new InvalidRequestException("mapping of " + kind.viewName() + " names an unknown lake column [value=" + entry.getKey()
                        + "]: use " + valueColumnsWithKeys(kind));
            }
            checkIdentifier(entry.getValue(), kind.viewName() + " column " + entry.getKey());
        }
    }

    /** The default layout: table {@code bars_1m} (the lake's view name), lake column names, microseconds, no zone. */
    public static TableMapping defaults(DataKind kind) {
        return new TableMapping(kind, kind.viewName(), Map.of(), TimestampUnit.MICROSECONDS, null);
    }

    /** The source column that holds lake column {@code lakeColumn}. */
    public String sourceColumn(String lakeColumn) {
        return columns.getOrDefault(lakeColumn, lakeColumn);
    }

    /** Lake columns read from the source, {@code symbol} and {@code timestamp} first; {@code spread} is always computed. */
    static java.util.List<String> valueColumnsWithKeys(DataKind kind) {
        return kind.schema().names().stream().filter(name -> !name.equals("spread")).toList();
    }

    /** Identifiers are checked, not quoted: a mapping can never smuggle SQL into a query. */
    private static void checkIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new InvalidRequestException("invalid SQL identifier for the " + what + " [value=" + name
                    + "]: use letters, digits and '_' (optionally schema.table)");
        }
    }
}
