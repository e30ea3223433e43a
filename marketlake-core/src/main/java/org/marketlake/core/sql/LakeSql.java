package org.marketlake.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The one class that talks to DuckDB. Opens an in-memory database whose session time zone is UTC, with one
 * view per lake kind over all its files ({@code bars_1s}, {@code bars_1m}, ..., {@code quotes}); a kind with no
 * files is an empty view with the right columns. Also reads and writes foreign Parquet and CSV files for the
 * other modules, so nothing else needs DuckDB directly. Close it when done; closing twice is harmless.
 */
public final class LakeSql implements AutoCloseable {
    private final Connection connection;
    private boolean closed;

    private LakeSql(Connection connection) {
        this.connection = connection;
    }

    /** DuckDB with no views, for reading and writing files that are not the lake's. */
    public static LakeSql inMemory() {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            return new LakeSql(connection);
        } catch (ClassNotFoundException | SQLException e) {
            throw new IllegalStateException("cannot start embedded DuckDB: " + e.getMessage(), e);
        }
    }

    /** DuckDB with a view per kind over the lake at {@code root}. */
    public static LakeSql overLake(Path root) {
        LakeSql sql = inMemory();
        try {
            LakeViews.create(sql.connection, root);
        } catch (SQLException e) {
            sql.close();
            throw new InvalidDataException("cannot create SQL views over the lake [root=" + root + "]: " + e.getMessage(), e);
        }
        return sql;
    }

    /** The JDBC connection, for callers that stream large results themselves. */
    public Connection connection() {
        checkOpen();
        return connection;
    }

    public void execute(String statementText) {
        checkOpen();
        try (Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException e) {
            throw new InvalidRequestException("SQL failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** Runs a query and returns all of its rows (for results of a size that fits in memory). */
    public SqlResult query(String sqlText) {
        checkOpen();
        try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sqlText)) {
            ResultSetMetaData meta = results.getMetaData();
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                names.add(meta.getColumnLabel(c));
                types.add(meta.getColumnTypeName(c));
            }
            List<Object[]> rows = new ArrayList<>();
            while (results.next()) {
                Object[] row = new Object[names.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = results.getObject(c + 1);
                }
                rows.add(row);
            }
            return new SqlResult(names, types, rows);
        } catch (SQLException e) {
            throw new InvalidRequestException("SQL failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** {@code COPY (query) TO file} as ZSTD Parquet. */
    public void copyToParquet(String sqlText, Path output) {
        String target = output.toAbsolutePath().toString().replace("'", "''");
        execute("COPY (" + sqlText + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String oneLine = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return oneLine;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("LakeSql is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB failed: " + e.getMessage(), e);
        }
    }
}
