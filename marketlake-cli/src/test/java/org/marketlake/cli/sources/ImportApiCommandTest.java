package org.marketlake.cli.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.Main;

/**
 * {@code marketlake import-api} as a user runs it: a separate process (the keys come from its environment) against
 * a local HTTP server answering Alpaca's documented daily-bar JSON.
 */
class ImportApiCommandTest {
    private static final String SECRET = "cli-secret-never-shown";

    @TempDir
    Path folder;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/v2/stocks/", exchange -> {
            boolean authorized = SECRET.equals(exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"));
            byte[] body = (authorized
                    ? "{\"bars\":[{\"t\":\"2024-11-01T04:00:00Z\",\"o\":222.5,\"h\":225.4,\"l\":221.9,\"c\":222.9,\"v\":65276741,\"n\":827,\"vw\":223.2},"
                            + "{\"t\":\"2024-11-04T05:00:00Z\",\"o\":220.9,\"h\":222.8,\"l\":219.7,\"c\":222.0,\"v\":44944470,\"n\":640,\"vw\":221.3}],"
                            + "\"symbol\":\"AAPL\",\"next_page_token\":null}"
                    : "{\"message\":\"forbidden.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/corporate-actions", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            actionRequests.add(query);
            boolean first = actionRequests.size() == 1;
            boolean secondPage = query.contains("page_token=p2");
            byte[] body = (first ? "{\"message\":\"too many requests\"}"
                    : secondPage
                    ? "{\"corporate_actions\":{\"cash_dividends\":[{\"symbol\":\"AAPL\",\"rate\":0.25,\"special\":false,\"foreign\":false,"
                            + "\"process_date\":\"2024-11-08\",\"ex_date\":\"2024-11-08\",\"record_date\":\"2024-11-11\",\"payable_date\":\"2024-11-14\"}]},"
                            + "\"next_page_token\":null}"
                    : "{\"corporate_actions\":{\"forward_splits\":[{\"symbol\":\"AAPL\",\"new_rate\":4,\"old_rate\":1,"
                            + "\"process_date\":\"2020-08-31\",\"ex_date\":\"2020-08-31\",\"record_date\":\"2020-08-24\",\"payable_date\":\"2020-08-28\"}],"
                            + "\"reverse_splits\":[],\"stock_dividends\":[]},\"next_page_token\":\"p2\"}").getBytes(StandardCharsets.UTF_8);
            if (first) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(first ? 429 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private final List<String> actionRequests = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> keys, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("APCA_API_KEY_ID");
        builder.environment().remove("APCA_API_SECRET_KEY");
        builder.environment().putAll(keys);
        builder.redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("marketlake finished").isTrue();
        return new Run(process.exitValue(), java.nio.file.Files.readString(folder.resolve("out.txt")), java.nio.file.Files.readString(folder.resolve("err.txt")));
    }

    private String[] importDaily() {
        return new String[] {"import-api", "1d", "AAPL", "2024-11-01", "2024-11-04", "--root", folder.resolve("lake").toString(),
            "--base-url", "http://127.0.0.1:" + server.getAddress().getPort()};
    }

    @Test
    void importsDailyBarsWithKeysFromTheEnvironment() throws Exception {
        Run run = run(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", SECRET), importDaily());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("import-api: AAPL 2024: 1 pages, 2 records (0 repeated, 0 rejected), lake +2 ~0 =0");
        assertThat(run.out()).contains("total: 1 units fetched, 0 done earlier; 1 pages, 2 records");
        assertThat(folder.resolve("lake/bars/1d/AAPL.2024.parquet")).exists();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);

        Run again = run(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", SECRET), importDaily());
        assertThat(again.err()).contains("import-api: AAPL 2024: done earlier, not fetched again");
    }

    @Test
    void importsCorporateActionsThroughA429() throws Exception {
        String lake = folder.resolve("lake").toString();
        String[] args = {"import-api", "actions", "AAPL", "2020-01-01", "2024-12-31", "--root", lake,
            "--base-url", "http://127.0.0.1:" + server.getAddress().getPort()};
        Run run = run(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", SECRET), args);

        assertThat(run.code()).as(run.err()).isZero();
        // The 429 was retried: the first page was asked twice, then the second page by its token.
        assertThat(actionRequests).hasSize(3);
        assertThat(actionRequests.get(0)).isEqualTo(actionRequests.get(1))
                .isEqualTo("symbols=AAPL&start=2020-01-01&end=2024-12-31&types=forward_split%2Creverse_split%2Ccash_dividend%2Cstock_dividend&limit=1000&sort=asc");
        assertThat(actionRequests.get(2)).endsWith("&page_token=p2");
        assertThat(run.err()).contains("import-api: AAPL 2020-01-01..2024-12-31: 2 pages, 2 records (0 repeated, 0 rejected), lake +2 ~0 =0");
        assertThat(folder.resolve("lake/actions/AAPL.parquet")).exists();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);

        org.marketlake.cli.CliRun actions = org.marketlake.cli.CliRun.of("actions", "--root", lake, "--symbol", "AAPL", "--format", "csv");
        assertThat(actions.exitCode()).as(actions.err()).isEqualTo(1); // the dividend needs a daily close the lake does not have
        assertThat(actions.err()).contains("AAPL").contains("2024-11-08");
        org.marketlake.cli.CliRun raw = org.marketlake.cli.CliRun.of("sql", "--root", lake, "--unsafe", "--format", "csv",
                "SELECT ex_date, type, ratio, cash_amount, source FROM read_parquet('" + lake + "/actions/AAPL.parquet') ORDER BY ex_date");
        assertThat(raw.out()).isEqualTo("ex_date,type,ratio,cash_amount,source\n2020-08-31,split,4,,alpaca\n2024-11-08,cash_dividend,,0.25,alpaca\n");

        Run again = run(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", SECRET), args);
        assertThat(again.err()).contains("import-api: AAPL 2020-01-01..2024-12-31: done earlier, not fetched again");
        assertThat(actionRequests).hasSize(3);
    }

    @Test
    void aMissingKeyIsExitTwoNamingTheVariable() throws Exception {
        Run run = run(Map.of("APCA_API_KEY_ID", "id"), importDaily());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("marketlake: APCA_API_SECRET_KEY is not set");
    }

    @Test
    void aRejectedKeyIsExitOneNamingTheRequestButNoSecret() throws Exception {
        Run run = run(Map.of("APCA_API_KEY_ID", "id", "APCA_API_SECRET_KEY", "wrong-" + SECRET), importDaily());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("marketlake: HTTP 403 for GET /v2/stocks/AAPL/bars?timeframe=1Day&start=2024-11-01T04%3A00%3A00Z")
                .doesNotContain(SECRET);
        assertThat(folder.resolve("lake/bars/1d/AAPL.2024.parquet")).doesNotExist();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"import-api", "1d", "AAPL", "2024-11-01", "yesterday"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for positional parameter at index 3 (END): not a date YYYY-MM-DD: yesterday (use YYYY-MM-DD)");
        assertThat(Main.run(new String[] {"import-api", "quotes", "AAPL", "2024-11-01", "2024-11-02", "--from-trades"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"import-api", "1m", "aapl", "2024-11-01", "2024-11-02"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"import-api", "1m", "AAPL", "2024-11-01", "2024-11-02", "--feed", "otc"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("unknown feed [value=otc]: use iex or sip");
    }
}
