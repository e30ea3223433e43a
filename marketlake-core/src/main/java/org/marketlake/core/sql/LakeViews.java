package org.marketlake.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.FactorSpan;

/** Creates the SQL views over the lake: one per kind, empty (with the right columns) when it has no files. */
final class LakeViews {
    private LakeViews() {}

    /** One view per kind over exactly the given files (never a glob, so a stray file is never read). */
    static void create(Connection connection, Map<DataKind, List<Path>> files, List<FactorSpan> spans) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions(files, spans)) {
                statement.execute(definition);
            }
        }
    }

    /**
     * The CREATE VIEW statements, one per kind. With {@code spans}, the bars views are adjusted: a view
     * {@code adjustment_factors} holds the spans, and each bar's prices (open, high, low, close, vwap) are multiplied
     * by the price factor of its symbol and trading date, its volume by the volume factor (notional by both).
     */
    static List<String> definitions(Map<DataKind, List<Path>> files, List<FactorSpan> spans) {
        List<String> definitions = new java.util.ArrayList<>();
        if (!spans.isEmpty()) {
            definitions.add(factorsView(spans));
        }
        for (DataKind kind : LakeLayout.kinds()) {
            List<Path> paths = files.getOrDefault(kind, List.of());
            String view = "\"" + kind.viewName() + "\"";
            if (paths.isEmpty()) {
                definitions.add("CREATE VIEW " + view + " AS SELECT " + emptyColumns(kind) + " WHERE false");
            } else {
                StringJoiner list = new StringJoiner(", ", "[", "]");
                for (Path path : paths) {
                    list.add("'" + path.toAbsolutePath().toString().replace("'", "''") + "'");
                }
                String source = "read_parquet(" + list + ", union_by_name = true)";
                definitions.add("CREATE VIEW " + view + " AS " + (spans.isEmpty() || !(kind instanceof DataKind.Bars bars)
                        ? "SELECT * FROM " + source : adjusted(bars, source)));
            }
        }
        return definitions;
    }

    private static String factorsView(List<FactorSpan> spans) {
        StringJoiner values = new StringJoiner(", ");
        for (FactorSpan span : spans) {
            values.add("('" + span.symbol().value() + "', '" + span.zone().getId() + "', DATE '" + (span.from() == null ? "0001-01-01" : span.from())
                    + "', DATE '" + span.until() + "', " + span.price() + ", " + span.volume() + ")");
        }
        return "CREATE VIEW adjustment_factors AS SELECT * FROM (VALUES " + values
                + ") AS t(symbol, zone, valid_from, valid_until, price_factor, volume_factor)";
    }

    /** The bars of {@code source} adjusted by the factors view; columns and their order as stored. */
    private static String adjusted(DataKind.Bars bars, String source) {
        StringJoiner replaced = new StringJoiner(", ");
        for (Column column : bars.schema().columns()) {
            String name = column.name();
            String factor = switch (name) {
                case "open", "high", "low", "close", "vwap" -> "coalesce(f.price_factor, 1)";
                case "volume" -> "coalesce(f.volume_factor, 1)";
                case "notional" -> "coalesce(f.price_factor * f.volume_factor, 1)";
                default -> null;
            };
            if (factor != null) {
                replaced.add("b.\"" + name + "\" * " + factor + " AS \"" + name + "\"");
            }
        }
        String date = bars.timeframe().isDaily() ? "CAST(timezone('UTC', b.\"timestamp\") AS DATE)" : "CAST(timezone(f.zone, b.\"timestamp\") AS DATE)";
        return "SELECT b.* REPLACE (" + replaced + ") FROM " + source + " AS b LEFT JOIN adjustment_factors AS f ON b.symbol = f.symbol AND "
                + date + " >= f.valid_from AND " + date + " < f.valid_until";
    }

    private static String emptyColumns(DataKind kind) {
        StringJoiner columns = new StringJoiner(", ");
        for (Column column : kind.schema().columns()) {
            String type = switch (column.type()) {
                case STRING -> "VARCHAR";
                case TIMESTAMP -> "TIMESTAMPTZ";
                case DOUBLE -> "DOUBLE";
                case INT32 -> "INTEGER";
            };
            columns.add("CAST(NULL AS " + type + ") AS \"" + column.name() + "\"");
        }
        return columns.toString();
    }
}
