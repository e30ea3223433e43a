package org.marketlake.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.Main;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.testing.ChildJvm;

/**
 * The scaled-down form of the 1.1 GB benchmark (docs/BENCHMARKS.md, bounded memory): a week in which every second
 * holds trades, ingested by the CLI in a JVM whose heap is far smaller than the input and than what a naive
 * month table needs, then ingested again with other prices (the merge holds the stored month and the new one).
 * Both runs succeed, spill to disk, and the stored bars equal DuckDB's aggregation of the same CSV.
 */
class BoundedMemoryTest {
    private static final long SEED = 20261203L;
    private static final int SECONDS = 7 * 86_400;
    private static final List<String> SMALL_HEAP = List.of("-Xmx160m", "-XX:+UseG1GC");

    @TempDir
    Path folder;

    @Test
    void aDenseWeekIngestsTwiceInASmallHeapAndEqualsDuckDb() throws Exception {
        System.out.println("BoundedMemoryTest seed " + SEED);
        Path lake = folder.resolve("lake");
        Path first = writeDenseTrades(folder.resolve("first.csv"), SEED);
        Path second = writeDenseTrades(folder.resolve("second.csv"), SEED + 1);
        assertThat(Files.size(first)).isGreaterThan(30_000_000L);

        String once = ingest(lake, first);
        assertThat(once).contains("bars/1s/DENSE.2024-03.parquet: " + SECONDS + " added, 0 replaced, 0 unchanged");
        Path file = lake.resolve("bars/1s/DENSE.2024-03.parquet");
        assertThat(mismatches(file, first)).isZero();

        String again = ingest(lake, second);
        assertThat(again).contains("bars/1s/DENSE.2024-03.parquet: 0 added, " + SECONDS + " replaced, 0 unchanged");
        assertThat(mismatches(file, second)).isZero();
    }

    private String ingest(Path lake, Path csv) throws IOException, InterruptedException {
        Path log = folder.resolve("ingest-" + csv.getFileName() + ".log");
        Process child = ChildJvm.start(SMALL_HEAP, Main.class, log, "ingest", "trades", "--quiet", "--root", lake.toString(),
                "--symbol", "DENSE", csv.toString());
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    /** Bars of ours that differ from DuckDB's GROUP BY of the same trades, plus seconds only one side has. */
    private static long mismatches(Path parquet, Path csv) {
        try (LakeSql sql = LakeSql.inMemory()) {
            Object[] row = sql.query("""
                    WITH duck AS (
                      SELECT time_bucket(INTERVAL '1 second', timestamp) AS t, arg_min(price, timestamp) AS open, max(price) AS high,
                             min(price) AS low, arg_max(price, timestamp) AS close, sum(size) AS volume, count(*)::INT AS trades
                      FROM read_csv('%s', header = true, columns = {'timestamp': 'TIMESTAMPTZ', 'price': 'DOUBLE', 'size': 'DOUBLE'})
                      GROUP BY t)
                    SELECT count(*) FROM duck FULL OUTER JOIN read_parquet('%s') ours ON ours.timestamp = duck.t
                    WHERE ours.timestamp IS NULL OR duck.t IS NULL OR ours.open <> duck.open OR ours.high <> duck.high
                       OR ours.low <> duck.low OR ours.close <> duck.close OR ours.volume <> duck.volume OR ours.trade_count <> duck.trades
                    """.formatted(csv, parquet)).rows().get(0);
            return ((Number) row[0]).longValue();
        }
    }

    /** Two trades in every second of 2024-03-01 to 03-07 (UTC), cent prices on a seeded random walk. */
    private static Path writeDenseTrades(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        long start = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        long cents = 10_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,price,size\n");
            for (long i = 0; i < 2L * SECONDS; i++) {
                cents = Math.max(100, cents + random.nextInt(3) - 1);
                out.write(Instant.ofEpochMilli(start + i * 500).toString());
                out.write(',');
                out.write(Long.toString(cents / 100));
                out.write('.');
                out.write(String.format("%02d", cents % 100));
                out.write(',');
                out.write(Integer.toString(1 + random.nextInt(500)));
                out.write('\n');
            }
        }
        return file;
    }
}
