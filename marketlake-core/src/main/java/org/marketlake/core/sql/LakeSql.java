package org.marketlake.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.ForbiddenStatementException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;

/**
 * The one class that talks to DuckDB. Opens an in-memory database whose session time zone is UTC, with one
 * view per lake kind over all its files ({@code bars_1s}, {@code bars_1m}, ..., {@code quotes}); a kind with no
 * files is an empty view with the right columns. Also reads and writes foreign Parquet and CSV files for the
 * other modules, so nothing else needs DuckDB directly. Close it when done; closing twice is harmless.
 */
public final class LakeSql implements AutoCloseable {
    private final Connection connection;
    private boolean closed;
    private boolean guarded;

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

    /**
     * DuckDB with a view per kind over exactly {@code files} (the catalogue's checked files of each kind), with
     * full DuckDB access: for callers inside the library and for {@code sql --unsafe}.
     */
    public static LakeSql overLake(Map<DataKind, List<Path>> files) {
        return overLake(files, List.of());
    }

    /** As {@link #overLake(Map)}, with the bars views adjusted by {@code spans} (see {@link #readOnlyOverLake(Map, List, Path)}). */
    public static LakeSql overLake(Map<DataKind, List<Path>> files, List<org.marketlake.core.model.FactorSpan> spans) {
        LakeSql sql = inMemory();
        try {
            LakeViews.create(sql.connection, files, spans);
        } catch (SQLException e) {
            sql.close();
            throw new InvalidDataException("cannot create SQL views over the lake: " + firstLine(e.getMessage()), e);
        }
        return sql;
    }

    /**
     * The lake's views and nothing else: after the views exist, DuckDB may open only the files they read (and
     * {@code output}, when given, for {@link #copyToParquet}); external access is off and the configuration locked,
     * so no statement can turn it back on. {@link #readOnlyQuery} also admits only one SELECT-like statement.
     */
    public static LakeSql readOnlyOverLake(Map<DataKind, List<Path>> files, Path output) {
        return readOnlyOverLake(files, List.of(), output);
    }

    /**
     * As {@link #readOnlyOverLake(Map, Path)}, with the bars views adjusted for corporate actions: each bar of a
     * symbol and trading date a span covers has its prices multiplied by the span's price factor and its volume by
     * its volume factor; a view {@code adjustment_factors} shows the spans. No spans: the views are as stored.
     */
    public static LakeSql readOnlyOverLake(Map<DataKind, List<Path>> files, List<org.marketlake.core.model.FactorSpan> spans, Path output) {
        LakeSql sql = overLake(files, spans);
        try (Statement statement = sql.connection.createStatement()) {
            StringJoiner allowed = new StringJoiner(", ", "[", "]");
            files.values().stream().flatMap(List::stream).forEach(file -> allowed.add(literal(file.toAbsolutePath().toString())));
            if (output != null) {
                Path absolute = output.toAbsolutePath();
                allowed.add(literal(absolute.toString()));
                // DuckDB writes COPY output beside the target as tmp_<name> and renames it.
                allowed.add(literal(absolute.resolveSibling("tmp_" + absolute.getFileName()).toString()));
            }
            statement.execute("SET allowed_paths = " + allowed);
            statement.execute("SET enable_external_access = false");
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            statement.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            sql.close();
            throw new IllegalStateException("cannot make DuckDB read-only: " + firstLine(e.getMessage()), e);
        }
        sql.guarded = true;
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
        return page(sqlText, Integer.MAX_VALUE).shown();
    }

    /**
     * As {@link #readOnlyQuery(String)}, keeping only the first {@code maxRows} rows in memory while counting all
     * of them: for a result that may not fit (the web view's SQL page shows 10,000 rows and the count).
     */
    public SqlPage readOnlyQuery(String sqlText, int maxRows) {
        requireOneSelect(sqlText);
        return page(sqlText, maxRows);
    }

    private SqlPage page(String sqlText, int maxRows) {
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
            long count = 0;
            while (results.next()) {
                count++;
                if (rows.size() >= maxRows) {
                    continue;
                }
                Object[] row = new Object[names.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = results.getObject(c + 1);
                }
                rows.add(row);
            }
            return new SqlPage(new SqlResult(names, types, rows), count);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** {@code COPY (query) TO file} as ZSTD Parquet; on a read-only connection the query must pass the guard. */
    public void copyToParquet(String sqlText, Path output) {
        if (guarded) {
            requireOneSelect(sqlText);
        }
        String target = output.toAbsolutePath().toString().replace("'", "''");
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + sqlText + ") TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs one read-only statement (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, VALUES). Anything else, or
     * more than one statement, is refused before DuckDB runs any of it: preparing a multi-statement text would
     * execute all but the last.
     */
    public SqlResult readOnlyQuery(String sqlText) {
        requireOneSelect(sqlText);
        return query(sqlText);
    }

    private void requireOneSelect(String sqlText) {
        checkOpen();
        String parsed;
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            statement.setString(1, sqlText);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                parsed = result.getString(1);
            }
        } catch (SQLException e) {
            throw new InvalidRequestException("SQL failed: " + firstLine(e.getMessage()), e);
        }
        int statements = SqlStatements.count(parsed);
        if (statements < 0) {
            String error = SqlStatements.error(parsed);
            if (error != null && !error.startsWith("Only SELECT")) {
                throw new InvalidRequestException("SQL failed: " + firstLine(error));
            }
            throw new ForbiddenStatementException("sql is read-only: only one SELECT, WITH, FROM, DESCRIBE, SHOW or SUMMARIZE"
                    + " statement over the lake's views may run (refused: " + refusedWord(sqlText) + ")");
        }
        if (statements != 1) {
            throw new ForbiddenStatementException("sql runs one statement at a time, got " + statements);
        }
    }

    /** Turns DuckDB's refusal of a file outside the lake into the lake's refusal; other errors stay SQL errors. */
    private RuntimeException failure(SQLException e) {
        String message = firstLine(e.getMessage());
        if (guarded && message.contains("Permission Error")) {
            return new ForbiddenStatementException("sql is read-only and reads only the lake's views: "
                    + message.replaceFirst(".*Permission Error: ", "").replaceFirst(" - file system operations are disabled.*", ""), e);
        }
        return new InvalidRequestException("SQL failed: " + message, e);
    }

    /** The first word of the first statement that is not a query, for the refusal message. */
    private static String refusedWord(String sqlText) {
        for (String part : sqlText.split(";")) {
            String word = firstWord(part);
            if (!part.isBlank() && !java.util.Set.of("SELECT", "WITH", "FROM", "DESCRIBE", "SHOW", "SUMMARIZE", "VALUES").contains(word)) {
                return word;
            }
        }
        return firstWord(sqlText);
    }

    private static String firstWord(String sqlText) {
        String trimmed = sqlText.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end == 0 ? "statement" : trimmed.substring(0, end).toUpperCase(java.util.Locale.ROOT);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
