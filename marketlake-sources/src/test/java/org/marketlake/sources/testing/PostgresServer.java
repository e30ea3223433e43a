package org.marketlake.sources.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throw-away PostgreSQL server for the tests, set up with no manual step by {@link LocalPostgres} (which
 * installs Debian's package if needed and runs initdb and pg_ctl as the postgres user), shared by every test class
 * of the run and stopped when the run ends. If set-up fails the tests fail with the step's output: never skipped.
 *
 * <p>Use: {@code @ExtendWith(PostgresServer.class)}, then {@link #freshDatabase()} in a test.
 */
public final class PostgresServer implements BeforeAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile LocalPostgres running;

    /** Closes the server when JUnit closes the root store at the end of the run. */
    private record Handle(LocalPostgres server) implements AutoCloseable {
        @Override
        public void close() {
            running = null;
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(PostgresServer.class, key -> {
            LocalPostgres server = LocalPostgres.start();
            running = server;
            return new Handle(server);
        }, Handle.class);
    }

    /** A new empty database on the running server, as a JDBC URL (user {@code postgres}, no password). */
    public static String freshDatabase() {
        LocalPostgres server = running;
        if (server == null) {
            throw new IllegalStateException("no PostgreSQL server: annotate the test class with @ExtendWith(PostgresServer.class)");
        }
        return server.createDatabase("marketlake_test_" + DATABASES.incrementAndGet());
    }

    public static String user() {
        return "postgres";
    }
}
