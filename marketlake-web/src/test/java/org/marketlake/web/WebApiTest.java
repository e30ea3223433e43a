package org.marketlake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.store.Lake;
import org.marketlake.web.testing.DemoServer;

/** The JSON API over the real demo lake: values as `ls`, `query`, `coverage`, `forecast` and `sql` give them, and 4xx for bad requests. */
class WebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;

    @BeforeAll
    static void serve() {
        server = DemoServer.start(DemoServer.demoLake(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) throws IOException {
        HttpResponse<String> response = DemoServer.get(server, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The status, and that the body is one line of {"error": ...}. */
    private static String refused(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body().strip()).doesNotContain("\n").doesNotContain("\tat ");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void inventoryIsWhatLsShows() throws IOException {
        JsonNode inventory = ok("/api/inventory");
        assertThat(inventory.get("entries")).hasSize(13);
        assertThat(inventory.get("problems")).isEmpty();
        assertThat(inventory.get("models").toString()).isEqualTo("[\"seasonal-naive\",\"naive\",\"drift\"]");
        JsonNode ibm = null;
        for (JsonNode entry : inventory.get("entries")) {
            if (entry.get("symbol").asText().equals("IBM") && entry.get("timeframe").asText().equals("1m")) {
                ibm = entry;
            }
        }
        assertThat(ibm).isNotNull();
        assertThat(ibm.get("rows").asLong()).isEqualTo(453);
        assertThat(ibm.get("periods").asText()).isEqualTo("2013-10");
        assertThat(ibm.get("first").asText()).isEqualTo("2013-10-07T08:00:00Z");
        assertThat(ibm.get("last").asText()).isEqualTo("2013-10-07T23:26:00Z");
    }

    @Test
    void barsOfTheMarketHoursAreTheQuerysRows() throws IOException {
        JsonNode bars = ok("/api/bars?symbol=IBM&timeframe=1m&start=2013-10-07&end=2013-10-07&tz=America/New_York&market_hours=true");
        assertThat(bars.get("timeframe").asText()).isEqualTo("1m");
        assertThat(bars.get("rows").asInt()).isEqualTo(390);
        // 2013-10-07T09:30:00-04:00, as `marketlake query ... --market-hours --tz America/New_York` prints the first row
        assertThat(bars.get("time").get(0).asLong()).isEqualTo(1_381_152_600L);
        assertThat(bars.get("open").get(0).asDouble()).isEqualTo(181.9);
        assertThat(bars.get("high").get(0).asDouble()).isEqualTo(182.24);
        assertThat(bars.get("close").get(1).asDouble()).isEqualTo(182.45);
        assertThat(bars.get("volume").get(0).asDouble()).isEqualTo(174_353);
        assertThat(bars.get("vwap").get(0).asDouble()).isEqualTo(182.01663401260663);
    }

    @Test
    void aRangeWithMoreBarsThanTheLimitIsAnsweredFromACoarserRollUp() throws IOException {
        JsonNode whole = ok("/api/bars?symbol=IBM&timeframe=1m");
        assertThat(whole.get("rows").asInt()).isEqualTo(453);
        // 453 1m and 116 5m bars are more than 100; the 47 bars of 15m fit
        JsonNode coarse = ok("/api/bars?symbol=IBM&timeframe=1m&max_points=100");
        assertThat(coarse.get("requested").asText()).isEqualTo("1m");
        assertThat(coarse.get("timeframe").asText()).isEqualTo("15m");
        assertThat(coarse.get("rows").asInt()).isEqualTo(47);
        // BTC/USD's 4,063 1s bars: the browser gets the 1,419 1m bars instead; an hour of them fits as 1s
        JsonNode btc = ok("/api/bars?symbol=BTCUSD&timeframe=1s&max_points=2000");
        assertThat(btc.get("timeframe").asText()).isEqualTo("1m");
        assertThat(btc.get("rows").asInt()).isEqualTo(1419);
        JsonNode hour = ok("/api/bars?symbol=BTCUSD&timeframe=1s&max_points=2000&start=2016-10-07T12:00:00Z&end=2016-10-07T12:59:59Z");
        assertThat(hour.get("timeframe").asText()).isEqualTo("1s");
        assertThat(hour.get("rows").asInt()).isBetween(1, 2000);
        // nothing coarser than one daily bar: it is sent, cut to the limit and said so
        JsonNode cut = ok("/api/bars?symbol=IBM&timeframe=1d&max_points=1");
        assertThat(cut.get("rows").asInt()).isEqualTo(1);
        assertThat(cut.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void barsAsArrowAndParquetHoldTheSameRows(@TempDir Path dir) throws IOException {
        HttpResponse<byte[]> arrow = DemoServer.getBytes(server, "/api/bars?symbol=IBM&timeframe=1m&format=arrow", null);
        assertThat(arrow.statusCode()).isEqualTo(200);
        assertThat(arrow.headers().firstValue("Content-Type")).hasValue("application/vnd.apache.arrow.stream");
        try (RootAllocator allocator = new RootAllocator(); ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int rows = 0;
            while (reader.loadNextBatch()) {
                rows += root.getRowCount();
            }
            assertThat(rows).isEqualTo(453);
            assertThat(root.getSchema().findField("close").getType().toString()).contains("FloatingPoint(DOUBLE)");
            assertThat(root.getSchema().findField("timestamp").getType().toString()).contains("MICROSECOND").contains("UTC");
        }
        HttpResponse<byte[]> parquet = DemoServer.getBytes(server, "/api/bars?symbol=IBM&timeframe=1m", "application/vnd.apache.parquet");
        assertThat(parquet.statusCode()).isEqualTo(200);
        Path file = dir.resolve("ibm.parquet");
        Files.write(file, parquet.body());
        try (LakeSql sql = LakeSql.inMemory()) {
            assertThat(sql.query("SELECT count(*), round(sum(volume)) FROM '" + file + "'").rows().get(0))
                    .containsExactly(453L, 3_960_352.0);
        }
    }

    @Test
    void quotesAreThinnedToTheLimit() throws IOException {
        JsonNode quotes = ok("/api/quotes?symbol=EURUSD&max_points=1000");
        assertThat(quotes.get("in_range").asInt()).isEqualTo(12_564);
        assertThat(quotes.get("every").asInt()).isEqualTo(13);
        assertThat(quotes.get("rows").asInt()).isEqualTo(967);
        JsonNode ten = ok("/api/quotes?symbol=EURUSD&start=2014-05-01T12:00:00Z&end=2014-05-01T12:00:10Z");
        assertThat(ten.get("every").asInt()).isEqualTo(1);
        assertThat(ten.get("rows").asInt()).isEqualTo(ten.get("in_range").asInt()).isPositive();
        assertThat(ten.get("ask").get(0).asDouble()).isGreaterThan(ten.get("bid").get(0).asDouble());
    }

    @Test
    void coverageCountsTheSessionsBars() throws IOException {
        JsonNode coverage = ok("/api/coverage?symbol=IBM&timeframe=1m");
        assertThat(coverage.get("calendar").asText()).isEqualTo("XNYS");
        assertThat(coverage.get("days")).hasSize(1);
        JsonNode day = coverage.get("days").get(0);
        assertThat(day.get("date").asText()).isEqualTo("2013-10-07");
        assertThat(day.get("expected").asInt()).isEqualTo(390);
        assertThat(day.get("present").asInt()).isEqualTo(390);
        assertThat(day.get("outside").asInt()).isEqualTo(63);
    }

    @Test
    void forecastsPlaceTheirStepsAfterTheLastBar() throws IOException {
        JsonNode forecast = ok("/api/forecast?symbol=IBM&timeframe=1m&horizon=30");
        assertThat(forecast.get("method").asText()).isEqualTo("seasonal-naive, season 390");
        assertThat(forecast.get("time")).hasSize(30);
        assertThat(forecast.get("median")).hasSize(30);
        // the bars' own sessions (IBM's trades run from 04:00 New York): the next one starts 2013-10-08T08:00Z, as `forecast` prints
        assertThat(forecast.get("time").get(0).asLong()).isEqualTo(1_381_219_200L);
        for (int step = 0; step < 30; step++) {
            assertThat(forecast.get("q10").get(step).asDouble()).isLessThanOrEqualTo(forecast.get("median").get(step).asDouble());
            assertThat(forecast.get("q90").get(step).asDouble()).isGreaterThanOrEqualTo(forecast.get("median").get(step).asDouble());
        }
        assertThat(refused(DemoServer.get(server, "/api/forecast?symbol=IBM&timeframe=1m&model=/tmp"), 400)).contains("unknown model");
        assertThat(refused(DemoServer.get(server, "/api/forecast?symbol=IBM&timeframe=1m&model=chronos"), 400)).contains("seasonal-naive, naive, drift");
    }

    @Test
    void aCheckpointGivenToTheServerIsModelChronos() throws IOException {
        Path checkpoint = Path.of(System.getProperty("marketlake.shared", "../../shared"), "chronos/dummy-chronos-bolt-model");
        try (WebServer withModel = DemoServer.start(DemoServer.demoLake(), null, checkpoint)) {
            HttpResponse<String> inventory = DemoServer.get(withModel, "/api/inventory");
            assertThat(JSON.readTree(inventory.body()).get("models").toString()).isEqualTo("[\"seasonal-naive\",\"naive\",\"drift\",\"chronos\"]");
            HttpResponse<String> answer = DemoServer.get(withModel, "/api/forecast?symbol=IBM&timeframe=1m&model=chronos&horizon=4");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode forecast = JSON.readTree(answer.body());
            assertThat(forecast.get("model").asText()).isEqualTo("chronos");
            assertThat(forecast.get("method").asText()).containsIgnoringCase("chronos");
            assertThat(forecast.get("median")).hasSize(4);
        }
    }

    @Test
    void sqlAnswersReadOnlyQueriesAndRefusesWrites() throws IOException {
        HttpResponse<String> answer = DemoServer.post(server, "/api/sql", "SELECT symbol, count(*) AS bars FROM bars_1m GROUP BY symbol ORDER BY symbol");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("columns").toString()).isEqualTo("[\"symbol\",\"bars\"]");
        assertThat(result.get("rows").toString()).isEqualTo("[[\"BTCUSD\",1419],[\"IBM\",453]]");
        assertThat(result.get("row_count").asLong()).isEqualTo(2);
        JsonNode big = ok("/api/sql?q=" + java.net.URLEncoder.encode("SELECT * FROM bars_1s", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(big.get("row_count").asLong()).isEqualTo(4063 + 6326);
        assertThat(big.get("shown").asInt()).isEqualTo(10_000);
        assertThat(big.get("truncated").asBoolean()).isTrue();
        assertThat(refused(DemoServer.post(server, "/api/sql", "COPY (SELECT * FROM bars_1m) TO '/tmp/marketlake-web-copy.csv'"), 403)).contains("read-only");
        assertThat(Files.exists(Path.of("/tmp/marketlake-web-copy.csv"))).isFalse();
        refused(DemoServer.post(server, "/api/sql", "CREATE TABLE t AS SELECT 1"), 403);
        refused(DemoServer.post(server, "/api/sql", "SELECT * FROM read_csv('/etc/passwd')"), 403);
        refused(DemoServer.post(server, "/api/sql", "SELEC 1"), 400);
    }

    @Test
    void badRequestsAreOneLineOfJsonWith4xx() throws IOException {
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=XYZ&timeframe=1m"), 404)).isEqualTo("no 1m bars of XYZ in the lake");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=IBM&timeframe=1m&start=2013-02-30"), 400)).contains("bad start");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=IBM&timeframe=2m"), 400)).contains("unknown timeframe");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=ibm%20x&timeframe=1m"), 400)).contains("invalid symbol");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=IBM&timeframe=1m&start=2013-10-08&end=2013-10-07"), 400)).contains("after the end");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=IBM&timeframe=1m&max_points=0"), 400)).contains("max_points");
        assertThat(refused(DemoServer.get(server, "/api/bars?symbol=IBM&timeframe=1m&format=xml"), 400)).contains("unknown format");
        assertThat(refused(DemoServer.get(server, "/api/bars?timeframe=1m"), 400)).contains("missing parameter symbol");
        assertThat(refused(DemoServer.get(server, "/api/quotes?symbol=IBM"), 404)).contains("no quotes of IBM");
        assertThat(refused(DemoServer.get(server, "/api/coverage?symbol=IBM&timeframe=1m&start=2013-02-30"), 400)).contains("bad start");
        assertThat(refused(DemoServer.get(server, "/api/coverage?symbol=XYZ&timeframe=1m"), 404)).contains("no 1m bars of XYZ");
        assertThat(refused(DemoServer.get(server, "/api/forecast?symbol=XYZ&timeframe=1m"), 404)).contains("XYZ");
        assertThat(refused(DemoServer.get(server, "/api/forecast?symbol=IBM&timeframe=1m&horizon=0"), 400)).contains("horizon");
        assertThat(refused(DemoServer.get(server, "/api/nothing"), 404)).contains("no such API");
        assertThat(refused(DemoServer.post(server, "/api/bars?symbol=IBM&timeframe=1m", ""), 405)).contains("read-only");
        assertThat(refused(DemoServer.get(server, "/../pom.xml"), 404)).contains("no such page");
        assertThat(DemoServer.get(server, "/").body()).contains("<title>MarketLake: the lake</title>");
        assertThat(DemoServer.get(server, "/vendor/lightweight-charts.standalone.production.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aCorruptFileIsAProblemNotAFailedPage(@TempDir Path dir) throws IOException {
        Path lake = dir.resolve("lake");
        try (Stream<Path> files = Files.walk(DemoServer.demoLake())) {
            for (Path from : files.toList()) {
                Path to = lake.resolve(DemoServer.demoLake().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(lake.resolve("bars/1m/IBM.2013-10.parquet"), "not parquet at all");
        try (WebServer broken = DemoServer.start(lake, null)) {
            HttpResponse<String> inventory = DemoServer.get(broken, "/api/inventory");
            assertThat(inventory.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(inventory.body());
            assertThat(body.get("entries")).hasSize(12);
            assertThat(body.get("problems")).hasSize(1);
            assertThat(body.get("problems").get(0).asText()).contains("IBM.2013-10.parquet");
            assertThat(refused(DemoServer.get(broken, "/api/bars?symbol=IBM&timeframe=1m"), 404)).contains("no 1m bars of IBM");
            assertThat(DemoServer.get(broken, "/api/bars?symbol=IBM&timeframe=5m").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(DemoServer.post(broken, "/api/sql", "SELECT count(*) FROM bars_1m").body()).get("skipped")).hasSize(1);
        }
    }

    @Test
    void aTokenGuardsEveryRequest() throws IOException {
        try (WebServer guarded = DemoServer.start(DemoServer.demoLake(), "s3cret")) {
            assertThat(guarded.url()).endsWith("/?token=s3cret");
            refused(DemoServer.get(guarded, "/api/inventory"), 401);
            refused(DemoServer.get(guarded, "/"), 401);
            refused(DemoServer.get(guarded, "/api/inventory?token=wrong"), 401);
            HttpResponse<String> withQuery = DemoServer.get(guarded, "/api/inventory?token=s3cret");
            assertThat(withQuery.statusCode()).isEqualTo(200);
            assertThat(withQuery.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("marketlake_token=s3cret;").contains("HttpOnly"));
            assertThat(DemoServer.send(HttpRequest.newBuilder(DemoServer.uri(guarded, "/api/inventory")).header("Authorization", "Bearer s3cret").build())
                    .statusCode()).isEqualTo(200);
            assertThat(DemoServer.send(HttpRequest.newBuilder(DemoServer.uri(guarded, "/app.css")).header("Cookie", "marketlake_token=s3cret").build())
                    .statusCode()).isEqualTo(200);
        }
        Lake lake = Lake.openExisting(DemoServer.demoLake());
        assertThatThrownBy(() -> new ServeSettings(lake, InetAddress.getByName("0.0.0.0"), 0, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("access token");
        assertThat(new ServeSettings(lake, InetAddress.getByName("0.0.0.0"), 0, "t", null).token()).isEqualTo("t");
        assertThat(new ServeSettings(lake, InetAddress.getLoopbackAddress(), 0, "a-Z_0.9~!", null).token()).isEqualTo("a-Z_0.9~!");
        for (String bad : new String[] {"two words", "semi;colon", "com,ma", "quo\"te", "back\\slash"}) {
            assertThatThrownBy(() -> new ServeSettings(lake, InetAddress.getLoopbackAddress(), 0, bad, null))
                    .as(bad).isInstanceOf(InvalidRequestException.class).hasMessageContaining("printable ASCII");
        }
    }
}
