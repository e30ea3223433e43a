package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/**
 * Issue 21's size promise, scaled down: a year of 1s bars for several symbols, then a week of daily ingests that
 * append a day to the current month (one commit a day for every symbol, the usual way a lake grows). What the
 * default retention keeps (7 days, so the versions of the last 7 daily commits) and the log stay within the
 * lake's own size: the lake with its history is under 2x the lake.
 */
class HistorySizeTest {
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "IBM");
    /** Seconds of bars per trading day: a scaled-down session, the same shape (one row group per day). */
    private static final int SECONDS_PER_DAY = 600;

    @TempDir
    Path root;

    @Test
    void aYearWithAWeekOfDailyIngestsAndItsHistoryStayUnderTwiceTheLake() throws IOException {
        Lake lake = Lake.open(root);
        LocalDate day = LocalDate.of(2024, 1, 2);
        LocalDate lastInitial = LocalDate.of(2024, 12, 10);
        long seed = 1;
        for (String symbol : SYMBOLS) {
            List<Frame> days = new ArrayList<>();
            for (LocalDate d = day; !d.isAfter(lastInitial); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    days.add(session(symbol, d, seed++));
                }
                if (d.plusDays(1).getMonthValue() != d.getMonthValue() || d.equals(lastInitial)) {
                    lake.write(Frame.concat(days));
                    days.clear();
                }
            }
        }
        int dailyCommits = 0;
        for (LocalDate d = lastInitial.plusDays(1); dailyCommits < 7; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            LocalDate today = d;
            long daySeed = seed++;
            lake.describedAs("marketlake ingest trades " + today).commit(l -> {
                for (String symbol : SYMBOLS) {
                    l.write(session(symbol, today, daySeed));
                }
                return null;
            });
            dailyCommits++;
        }
        // Seven daily commits fall within the default seven days; gc keeps their versions and drops the rest.
        lake.gc(Duration.ZERO, dailyCommits);

        long lakeBytes = bytes(root.resolve("bars"), false);
        long historyBytes = bytes(History.versionsFolder(root), true) + bytes(History.logFolder(root), false);
        System.out.printf("lake %,d bytes, history %,d bytes (%.2fx with history)%n", lakeBytes, historyBytes,
                (lakeBytes + historyBytes) / (double) lakeBytes);
        assertThat(historyBytes).isPositive();
        assertThat(lakeBytes + historyBytes).isLessThan(2 * lakeBytes);
        assertThat(lake.historyUsage().versionsBySymbol()).containsOnlyKeys(SYMBOLS);
    }

    private static Frame session(String symbol, LocalDate day, long seed) {
        long open = Bars.micros(day.atTime(14, 30).toInstant(ZoneOffset.UTC).toString());
        return Bars.random(Timeframe.S1, symbol, open, 1_000_000L, SECONDS_PER_DAY, seed);
    }

    /** Bytes on disk under {@code folder}; with {@code unsharedOnly}, only files no lake file shares (a hard link to a live file costs nothing). */
    private static long bytes(Path folder, boolean unsharedOnly) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                boolean shared = unsharedOnly && ((Integer) Files.getAttribute(file, "unix:nlink")) > 1;
                total += shared ? 0 : Files.size(file);
            }
        }
        return total;
    }
}
