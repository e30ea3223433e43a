package org.marketlake.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.sources.alpaca.AlpacaClient;
import org.marketlake.sources.alpaca.AlpacaImport;
import org.marketlake.sources.alpaca.ImportReport;
import org.marketlake.sources.alpaca.ImportRequest;
import org.marketlake.sources.alpaca.ImportTarget;
import org.marketlake.sources.alpaca.RetryPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code import-api 1s} throughput: 500,000 trades of one symbol in November 2024 (50 pages of 10,000 in Alpaca's
 * JSON) from a local HTTP server into a fresh lake: fetched, parsed, aggregated into 1s bars by the ingest module,
 * written, then rolled up to 1m and 1d. Beside it, DuckDB turning the same 50 pages (as files: it has no HTTP
 * client here without a download) into 1s bars in one ZSTD Parquet file.
 *
 * <pre>marketlake-bench/run.sh ImportApiBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportApiBenchmark {
    static final int PAGES = 50;
    static final int PER_PAGE = 10_000;

    private Path folder;
    private HttpServer server;
    private final List<byte[]> pages = new ArrayList<>();
    private LakeSql duckdb;
    private Path lakeRoot;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("marketlake-bench-api");
        Files.createDirectories(folder.resolve("pages"));
        // Trading days of November 2024, 13:30 to 21:00 UTC, trades spread evenly with nanosecond stamps.
        List<Long> days = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2024, 11, 1); date.getMonthValue() == 11; date = date.plusDays(1)) {
            if (date.getDayOfWeek().getValue() <= 5) {
                days.add(date.atTime(14, 30).toInstant(java.time.ZoneOffset.UTC).getEpochSecond() * 1_000_000_000L);
            }
        }
        long total = (long) PAGES * PER_PAGE;
        long perDay = total / days.size() + 1;
        long spacing = 23_400L * 1_000_000_000L / perDay;
        long n = 0;
        for (int page = 0; page < PAGES; page++) {
            StringBuilder json = new StringBuilder(PER_PAGE * 100).append("{\"trades\":[");
            for (int i = 0; i < PER_PAGE; i++, n++) {
                long t = days.get((int) (n / perDay)) + (n % perDay) * spacing + n % 997;
                Instant instant = Instant.ofEpochSecond(0, t);
                json.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"t\":\"%s\",\"x\":\"V\",\"p\":%.2f,\"s\":%d,\"c\":[\"@\"],\"i\":%d,\"z\":\"C\"}",
                        instant, 220 + (n * 7919 % 500) / 100.0, 1 + n % 300, n));
            }
            json.append("],\"symbol\":\"AAPL\",\"next_page_token\":").append(page + 1 < PAGES ? "\"" + (page + 1) + "\"" : "null").append('}');
            byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
            pages.add(bytes);
            Files.write(folder.resolve("pages").resolve("page" + page + ".json"), bytes);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/v2/stocks/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            int at = query.indexOf("page_token=");
            int page = at < 0 ? 0 : Integer.parseInt(query.substring(at + "page_token=".length()).split("&")[0]);
            // November's unit gets the pages; the December stub of END's evening gets none.
            byte[] body = query.contains("start=2024-11") ? pages.get(page) : "{\"trades\":[],\"next_page_token\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        duckdb = LakeSql.inMemory();
    }

    @Setup(Level.Invocation)
    public void freshLake() throws IOException {
        lakeRoot = folder.resolve("lake");
        SourceBenchFiles.delete(lakeRoot);
        Files.deleteIfExists(folder.resolve("duckdb.parquet"));
    }

    @Benchmark
    public ImportReport importSecondBars() {
        AlpacaClient client = AlpacaClient.fromEnvironment(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Map.of(AlpacaClient.KEY_ID_VARIABLE, "bench", AlpacaClient.SECRET_KEY_VARIABLE, "bench"),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30)));
        ImportReport report = AlpacaImport.run(ImportRequest.of(new ImportTarget.TradeBars(Timeframe.S1), List.of(Symbol.of("AAPL")),
                LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 30)), client, Lake.open(lakeRoot), Progress.NONE, unit -> {});
        if (report.records() != (long) PAGES * PER_PAGE) {
            throw new IllegalStateException("imported " + report.records() + " records: " + report.lines());
        }
        return report;
    }

    @Benchmark
    public void duckdbPagesToSecondBars() {
        duckdb.execute("COPY (SELECT time_bucket(INTERVAL 1 second, t) AS timestamp, arg_min(p, t) AS open, max(p) AS high, min(p) AS low,"
                + " arg_max(p, t) AS close, sum(s) AS volume, count(*) AS trade_count"
                + " FROM (SELECT unnest(trades, recursive := true) FROM read_json('" + folder.resolve("pages") + "/*.json',"
                + " columns = {'trades': 'STRUCT(t TIMESTAMPTZ, x VARCHAR, p DOUBLE, s DOUBLE, i BIGINT, z VARCHAR)[]', 'next_page_token': 'VARCHAR', 'symbol': 'VARCHAR'}))"
                + " GROUP BY 1 ORDER BY 1) TO '" + folder.resolve("duckdb.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.stop(0);
        duckdb.close();
        SourceBenchFiles.delete(folder);
    }
}
