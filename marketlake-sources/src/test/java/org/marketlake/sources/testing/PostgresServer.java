package org.marketlake.sources.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throw-away PostgreSQL server for the tests, set up with no manual step: installs Debian's
 * {@code postgresql} package when no server binaries are found, runs {@code initdb} and {@code pg_ctl} in a temporary
 * folder on a free loopback port (as the {@code postgres} user when we are root, since initdb refuses root), and
 * stops and removes it when the test run ends. If any step fails the tests fail with the step's output: they never
 * skip silently.
 *
 * <p>Use: {@code @ExtendWith(PostgresServer.class)}, then {@link #freshDatabase()} in a test.
 */
public final class PostgresServer implements BeforeAllCallback, AutoCloseable {
    private static final Duration TIMEOUT = new Duration(240);
    private static volatile PostgresServer running;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean root;

    private record Duration(long seconds) {}

    /** JUnit's constructor for {@code @ExtendWith}; the server itself is made by {@link #beforeAll}. */
    public PostgresServer() {
        this(null, null, 0, false);
    }

    private PostgresServer(Path folder, Path bin, int port, boolean root) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.root = root;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(PostgresServer.class, key -> {
            PostgresServer server = start();
            running = server;
            return server;
        }, PostgresServer.class);
    }

    /** A new empty database on the running server, as a JDBC URL (user {@code postgres}, no password). */
    public static String freshDatabase() {
        PostgresServer server = running;
        if (server == null) {
            throw new IllegalStateException("no PostgreSQL server: annotate the test class with @ExtendWith(PostgresServer.class)");
        }
        String name = "marketlake_test_" + DATABASES.incrementAndGet();
        Sql.run(server.url("postgres"), "postgres", "CREATE DATABASE " + name);
        return server.url(name);
    }

    public static String user() {
        return "postgres";
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path bin = findBinaries();
            if (bin == null) {
                run(List.of("sh", "-c", "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql"), null);
                bin = findBinaries();
                if (bin == null) {
                    throw new IllegalStateException("PostgreSQL tests need a PostgreSQL server: apt-get install postgresql ran but no initdb was found under /usr/lib/postgresql");
                }
            }
            Path folder = Files.createTempDirectory("marketlake-postgres-");
            if (root) {
                run(List.of("chown", "postgres:postgres", folder.toString()), null);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            PostgresServer server = new PostgresServer(folder, bin, port, root);
            server.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            server.asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    private static Path findBinaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> list = Files.list(versions)) {
            return list.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private void asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, folder);
    }

    private static void run(List<String> command, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.seconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL set-up step failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        try {
            asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            running = null;
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                // A left-over temporary folder is harmless; the server is already stopped.
            }
        }
    }
}
