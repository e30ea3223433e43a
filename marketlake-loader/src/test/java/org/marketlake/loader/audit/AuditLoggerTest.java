package org.marketlake.loader.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.loader.config.LoaderConfig;

class AuditLoggerTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-01-15T10:30:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private AuditLogger logger(ManualClock clock, int maxFiles) {
        return new AuditLogger(new LoaderConfig.Audit(true, dir.resolve("audit_logs"), 24, maxFiles), clock);
    }

    private JsonNode json(String id) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("audit_logs").resolve(id + ".json").toFile());
    }

    @Test
    void aSessionRecordsTheDesignsFieldsAndCounters() throws Exception {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 100);

        String id = logger.startSession("SYMBOL", new int[] {2014, 2016}, new int[] {1, 6}, "load");
        logger.updateSession(id, Map.of("files_discovered", 36));
        logger.updateSession(id, Map.of("files_processed", 32, "files_skipped", 4));
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        logger.endSession(id, AuditLogger.COMPLETED, null);

        assertThat(id).isEqualTo("SYMBOL_20240115_103000");
        JsonNode session = json(id);
        assertThat(session.path("session_id").asText()).isEqualTo(id);
        assertThat(session.path("start_time").asText()).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(session.path("end_time").asText()).isEqualTo("2024-01-15T10:45:00Z");
        assertThat(session.path("year_range").toString()).isEqualTo("[2014,2016]");
        assertThat(session.path("month_range").toString()).isEqualTo("[1,6]");
        assertThat(session.path("files_discovered").asInt()).isEqualTo(36);
        assertThat(session.path("files_processed").asInt()).isEqualTo(32);
        assertThat(session.path("files_skipped").asInt()).isEqualTo(4);
        assertThat(session.path("status").asText()).isEqualTo("completed");
    }

    @Test
    void twoSessionsInOneSecondGetDifferentIds() {
        AuditLogger logger = logger(new ManualClock(), 100);
        String first = logger.startSession("SYMBOL", null, null, "load");
        String second = logger.startSession("SYMBOL", null, null, "load");
        String third = logger(new ManualClock(), 100).startSession("SYMBOL", null, null, "load");

        assertThat(List.of(first, second, third)).containsExactly("SYMBOL_20240115_103000", "SYMBOL_20240115_103000_2",
                "SYMBOL_20240115_103000_3");
    }

    @Test
    void endingTwiceIsHarmlessAndFailedIsNeverOverwritten() throws Exception {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 100);
        String id = logger.startSession("SYMBOL", null, null, "load");

        logger.endSession(id, AuditLogger.FAILED, "boom");
        clock.now = clock.now.plusSeconds(5);
        logger.endSession(id, AuditLogger.COMPLETED, null);

        JsonNode session = json(id);
        assertThat(session.path("status").asText()).isEqualTo("failed");
        assertThat(session.path("error").asText()).isEqualTo("boom");
        assertThat(session.path("end_time").asText()).isEqualTo("2024-01-15T10:30:00Z");
    }

    @Test
    void sessionsStillRunningAfterTheTimeoutAreAbandoned() throws Exception {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 100);
        String stale = logger.startSession("OLD", null, null, "load");
        clock.now = clock.now.plus(Duration.ofHours(23));
        String recent = logger.startSession("NEW", null, null, "load");
        clock.now = clock.now.plus(Duration.ofHours(2));

        assertThat(logger.markAbandoned()).isEqualTo(1);

        assertThat(json(stale).path("status").asText()).isEqualTo("abandoned");
        assertThat(json(recent).path("status").asText()).isEqualTo("running");
    }

    @Test
    void atMostMaxLogFilesAreKept() {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 3);
        for (int i = 0; i < 5; i++) {
            String id = logger.startSession("S", null, null, "load");
            logger.endSession(id, AuditLogger.COMPLETED, null);
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(logger.sessions()).extracting(AuditSession::sessionId)
                .containsExactly("S_20240115_103200", "S_20240115_103300", "S_20240115_103400");
    }

    @Test
    void aSessionWhoseProcessIsGoneIsAbandonedByTheNextStartWhichRemovesItsLeftovers() throws Exception {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 100);
        String killed = logger.startSession("KILLED", null, null, "train");
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        gone.waitFor();
        Path file = dir.resolve("audit_logs").resolve(killed + ".json");
        Files.writeString(file, Files.readString(file).replaceAll("\"pid\" : [0-9]+", "\"pid\" : " + gone.pid()));
        // What a publish killed mid-way leaves beside the session, and an id reserved by a start killed before it wrote.
        Path leftover = Files.writeString(dir.resolve("audit_logs").resolve("." + killed + ".json.0f1e.tmp"), "{\"session_id\"");
        Path reserved = Files.createFile(dir.resolve("audit_logs").resolve("RESERVED_20240115_103000.json"));
        Files.setLastModifiedTime(reserved, FileTime.from(clock.now.minus(Duration.ofMinutes(2))));

        String next = logger.startSession("NEXT", null, null, "train");

        assertThat(json(killed).path("status").asText()).isEqualTo("abandoned");
        assertThat(json(killed).path("error").asText()).isEqualTo("process " + gone.pid() + " ended without ending the session");
        assertThat(json(next).path("status").asText()).isEqualTo("running");
        assertThat(json(next).path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(leftover).doesNotExist();
        assertThat(reserved).doesNotExist();
        assertThat(logger.sessions()).extracting(AuditSession::sessionId).containsExactly(killed, next);
    }

    @Test
    void anEmptyReservedSessionFileIsSkippedNotAnError() throws Exception {
        ManualClock clock = new ManualClock();
        AuditLogger logger = logger(clock, 100);
        String id = logger.startSession("S", null, null, "load");
        Path reserved = Files.createFile(dir.resolve("audit_logs").resolve("S_20240115_103000_2.json"));

        assertThat(logger.sessions()).extracting(AuditSession::sessionId).containsExactly(id);
        assertThat(logger.markAbandoned()).isZero();
        assertThat(reserved).exists(); // younger than a minute: its start may still be writing it
    }
}
