package org.marketlake.sources.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on this machine, for tests and benchmarks of the export: installs Debian's
 * {@code postgresql} package when no server binaries are found under {@code /usr/lib/postgresql}, runs
 * {@code initdb} and {@code pg_ctl} in a temporary folder on a free loopback port (as the {@code postgres} user
 * when we are root, since initdb refuses root), with trust authentication for user {@code postgres}.
 * {@link #close()} stops it and deletes the folder. Any failed step throws with that step's output.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final long STEP_TIMEOUT_SECONDS = 240;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean root;

    private LocalPostgres(Path folder, Path bin, int port, boolean root) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.root = root;
    }

    public static LocalPostgres start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path bin = findBinaries();
            if (bin == null) {
                run(List.of("sh", "-c", "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql"), null);
                bin = findBinaries();
                if (bin == null) {
                    throw new IllegalStateException("apt-get install postgresql ran but no initdb was found under /usr/lib/postgresql");
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
            LocalPostgres server = new LocalPostgres(folder, bin, port, root);
            server.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            server.asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up a local PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The superuser, who needs no password here. */
    public String user() {
        return "postgres";
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its URL. */
    public String createDatabase(String name) {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        try (Connection connection = DriverManager.getConnection(url("postgres"), properties); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
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
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
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

    /** Stops the server (immediate mode: nothing here needs a clean shutdown) and deletes its folder. */
    @Override
    public void close() {
        try {
            asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
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
