package org.marketlake.loader.audit;

import org.marketlake.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.loader.config.LoaderConfig;

/**
 * Audit sessions of design 000 section 1.5, one JSON file each in {@code audit.log_dir}, with the sketch's flaws
 * fixed: ids never collide (the file name is reserved exclusively, then its content published; a second session
 * in the same second gets {@code _2}, {@code _3}...), every write is an {@link AtomicFiles} publish, ending a
 * session that already ended is harmless and never turns {@code failed} into {@code completed}, sessions left
 * {@code running} longer than {@code session_timeout_hours}, or whose process on this host is gone (killed), are
 * marked {@code abandoned}, and at most {@code max_log_files} are kept.
 *
 * <p>A kill leaves at worst a running session (abandoned by the next start), an empty reserved file (skipped,
 * deleted by a later start) or a publish's temporary file (removed by the next start once its session has
 * ended).
 */
public final class AuditLogger {
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String ABANDONED = "abandoned";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** How long an empty, reserved session file may wait for its content before a start deletes it. */
    private static final Duration RESERVATION = Duration.ofMinutes(1);
    private static final String HOST = host();
    private final LoaderConfig.Audit config;
    private final Clock clock;

    public AuditLogger(LoaderConfig.Audit config) {
        this(config, Clock.systemUTC());
    }

    public AuditLogger(LoaderConfig.Audit config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Path logDir() {
        return config.logDir();
    }

    /**
     * Creates the session file and returns its id; first marks stale running sessions abandoned, removes what
     * killed writes left behind and prunes old files.
     */
    public synchronized String startSession(String symbol, int[] yearRange, int[] monthRange, String command) {
        markAbandoned();
        try {
            Files.createDirectories(config.logDir());
            removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit folder " + config.logDir(), e);
        }
        Instant now = clock.instant();
        String base = (symbol == null || symbol.isBlank() ? "ALL" : symbol) + "_" + ID_TIME.format(now);
        ObjectNode session = JSON.createObjectNode();
        session.put("start_time", now.toString());
        session.putNull("end_time");
        session.put("symbol", symbol);
        putRange(session, "year_range", yearRange);
        putRange(session, "month_range", monthRange);
        session.put("files_discovered", 0);
        session.put("files_processed", 0);
        session.put("files_skipped", 0);
        session.put("rows_loaded", 0);
        session.put("command", command);
        session.put("status", RUNNING);
        session.put("host", HOST);
        session.put("pid", ProcessHandle.current().pid());
        for (int attempt = 1; ; attempt++) {
            String id = attempt == 1 ? base : base + "_" + attempt;
            ObjectNode withId = JSON.createObjectNode().put("session_id", id);
            withId.setAll(session);
            try {
                // Reserves the id (exclusive create, empty), then publishes the content over it.
                Files.createFile(fileOf(id));
            } catch (FileAlreadyExistsException taken) {
                continue; // Another session started in the same second: take the next suffix.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write audit session " + fileOf(id), e);
            }
            try {
                write(id, withId);
            } catch (RuntimeException e) {
                try {
                    Files.deleteIfExists(fileOf(id));
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            prune(id);
            return id;
        }
    }

    /**
     * Temporary files of publishes killed mid-way, beside sessions that have ended (nothing writes those again,
     * so no publish is in progress), and reserved files still empty after {@link #RESERVATION}.
     */
    private void removeLeftovers() throws IOException {
        Instant cutoff = clock.instant().minus(RESERVATION);
        for (Path file : files()) {
            if (isReservation(file)) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            } else if (!RUNNING.equals(parse(file).path("status").asText())) {
                AtomicFiles.removeLeftovers(file);
            }
        }
    }

    /** An id reserved by a start that was killed before it wrote the session (or is writing it now). */
    private static boolean isReservation(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false; // Deleted meanwhile (pruned): not a reservation to act on.
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void putRange(ObjectNode session, String key, int[] range) {
        if (range == null) {
            session.putNull(key);
        } else {
            session.putArray(key).add(range[0]).add(range[1]);
        }
    }

    /** Sets counters or other fields of a running session. */
    public synchronized void updateSession(String id, Map<String, Object> updates) {
        ObjectNode session = read(id);
        updates.forEach((key, value) -> session.set(key, JSON.valueToTree(value)));
        write(id, session);
    }

    /**
     * Ends a session with {@code status}. Only a running session changes: ending twice keeps the first end, so a
     * {@code finally} that says completed after a {@code catch} that said failed leaves failed in place.
     */
    public synchronized void endSession(String id, String status, String error) {
        ObjectNode session = read(id);
        if (!RUNNING.equals(session.path("status").asText())) {
            return;
        }
        session.put("status", status);
        session.put("end_time", clock.instant().toString());
        if (error != null) {
            session.put("error", error);
        }
        write(id, session);
    }

    /** Every session, oldest first. */
    public List<AuditSession> sessions() {
        List<AuditSession> sessions = new ArrayList<>();
        for (Path file : files()) {
            if (isReservation(file)) {
                continue;
            }
            JsonNode node = parse(file);
            sessions.add(new AuditSession(node.path("session_id").asText(), node.path("status").asText(),
                    node.path("start_time").asText(), node.path("end_time").isNull() ? null : node.path("end_time").asText(null),
                    node.path("symbol").asText(null), node.path("command").asText(null), node.path("files_discovered").asLong(),
                    node.path("files_processed").asLong(), node.path("files_skipped").asLong(), node.path("rows_loaded").asLong(),
                    node.path("error").asText(null)));
        }
        sessions.sort(Comparator.comparing(AuditSession::startTime).thenComparing(AuditSession::sessionId));
        return sessions;
    }

    /** The raw JSON of one session. */
    public String sessionJson(String id) {
        try {
            return JSON.writeValueAsString(read(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks running sessions abandoned when they are older than {@code session_timeout_hours} or their process
     * (on this host) has ended without ending them, killed; returns how many.
     */
    public synchronized int markAbandoned() {
        Instant cutoff = clock.instant().minus(Duration.ofHours(config.sessionTimeoutHours()));
        int marked = 0;
        for (Path file : files()) {
            if (isReservation(file)) {
                continue;
            }
            JsonNode node = parse(file);
            if (!RUNNING.equals(node.path("status").asText())) {
                continue;
            }
            boolean stale = Instant.parse(node.path("start_time").asText()).isBefore(cutoff);
            boolean ownerGone = ownerGone(node);
            if (stale || ownerGone) {
                ObjectNode session = (ObjectNode) node;
                session.put("status", ABANDONED);
                session.put("end_time", clock.instant().toString());
                if (ownerGone) {
                    session.put("error", "process " + node.path("pid").asLong() + " ended without ending the session");
                }
                write(session.path("session_id").asText(), session);
                marked++;
            }
        }
        return marked;
    }

    /** True when the session names a process on this host that no longer runs. */
    private static boolean ownerGone(JsonNode session) {
        if (!session.path("pid").canConvertToLong() || !HOST.equals(session.path("host").asText(null))) {
            return false;
        }
        long pid = session.path("pid").asLong();
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    private void prune(String keep) {
        List<AuditSession> sessions = sessions();
        int excess = sessions.size() - config.maxLogFiles();
        for (AuditSession session : sessions) {
            if (excess <= 0) {
                break;
            }
            if (!session.sessionId().equals(keep)) {
                try {
                    AtomicFiles.removeLeftovers(fileOf(session.sessionId()));
                    Files.deleteIfExists(fileOf(session.sessionId()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete old audit session " + fileOf(session.sessionId()), e);
                }
                excess--;
            }
        }
    }

    private Path fileOf(String id) {
        if (!id.matches("[A-Za-z0-9._-]+") || id.startsWith(".")) {
            throw new InvalidDataException("invalid audit session id [value=" + id + "]");
        }
        return config.logDir().resolve(id + ".json");
    }

    private List<Path> files() {
        if (!Files.isDirectory(config.logDir())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(config.logDir())) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit folder " + config.logDir(), e);
        }
    }

    private ObjectNode read(String id) {
        Path file = fileOf(id);
        if (!Files.exists(file)) {
            throw new InvalidDataException("no audit session " + id + " [file=" + file + "]");
        }
        return (ObjectNode) parse(file);
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject() || !node.has("session_id")) {
                throw new InvalidDataException("audit session file is not a session [file=" + file + "]");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidDataException("audit session file is not valid JSON [file=" + file + "]: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private void write(String id, ObjectNode session) {
        Path file = fileOf(id);
        try {
            AtomicFiles.publishBytes(file, JSON.writeValueAsBytes(session));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit session " + file, e);
        }
    }

}
