package org.marketlake.sources.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Runs set-up SQL against a test database. */
public final class Sql {
    private Sql() {}

    public static void run(String url, String user, String... statements) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        try (Connection connection = DriverManager.getConnection(url, properties); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("set-up SQL failed: " + e.getMessage(), e);
        }
    }
}
