package org.marketlake.core.sql;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;

/** Creates the SQL views over the lake: one per kind, empty (with the right columns) when it has no files. */
final class LakeViews {
    private LakeViews() {}

    static void create(Connection connection, Path root) throws SQLException {
        LakeLayout layout = new LakeLayout(root);
        try (Statement statement = connection.createStatement()) {
            for (DataKind kind : LakeLayout.kinds()) {
                Path folder = layout.folder(kind);
                String view = "\"" + kind.viewName() + "\"";
                if (hasDataFiles(folder)) {
                    String glob = folder.toAbsolutePath().resolve("*" + LakeLayout.EXTENSION).toString().replace("'", "''");
                    statement.execute("CREATE VIEW " + view + " AS SELECT * FROM read_parquet('" + glob + "', union_by_name = true)");
                } else {
                    statement.execute("CREATE VIEW " + view + " AS SELECT " + emptyColumns(kind) + " WHERE false");
                }
            }
        }
    }

    private static boolean hasDataFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "[!.]*" + LakeLayout.EXTENSION)) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
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
