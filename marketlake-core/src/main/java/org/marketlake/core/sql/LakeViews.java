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

/** Creates the SQL views over the lake: one per kind, empty (with the right columns) when it has no files. */
final class LakeViews {
    private LakeViews() {}

    /** One view per kind over exactly the given files (never a glob, so a stray file is never read). */
    static void create(Connection connection, Map<DataKind, List<Path>> files) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions(files)) {
                statement.execute(definition);
            }
        }
    }

    /** The CREATE VIEW statements, one per kind. */
    static List<String> definitions(Map<DataKind, List<Path>> files) {
        List<String> definitions = new java.util.ArrayList<>();
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
                definitions.add("CREATE VIEW " + view + " AS SELECT * FROM read_parquet(" + list + ", union_by_name = true)");
            }
        }
        return definitions;
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
