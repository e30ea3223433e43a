package org.marketlake.sources.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.sources.testing.FakeAlpaca;
import org.marketlake.sources.testing.LakeSnapshot;

/**
 * {@code import-api} against a real local HTTP server serving the documented JSON: paging, every fault the
 * issue names, resuming, and the rule that a faulty run leaves the same lake files as a clean one, byte for byte.
 */
class AlpacaImportTest {
    /** Wednesday to Monday: two UTC months, and the end of daylight-saving time (3 November 2024) between. */
    static final LocalDate FIRST = LocalDate.of(2024, 10, 30);
    static final LocalDate LAST = LocalDate.of(2024, 11, 4);
    static final long SEED = 20241030L;
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMillis(20), Duration.ofSeconds(30));

    @TempDir
    Path temp;

    static FakeAlpaca server() throws Exception {
        return new FakeAlpaca(List.of("AAPL", "BRK.B"), FIRST, LAST, SEED);
    }

    static AlpacaClient client(FakeAlpaca server, String secret) {
        return AlpacaClient.fromEnvironment(server.baseUrl(),
                Map.of(AlpacaClient.KEY_ID_VARIABLE, FakeAlpaca.KEY_ID, AlpacaClient.SECRET_KEY_VARIABLE, secret), FAST);
    }

    static ImportReport importInto(Path root, FakeAlpaca server, ImportRequest request) {
        return AlpacaImport.run(request, client(server, FakeAlpaca.SECRET), Lake.open(root), Progress.NONE, unit -> {});
    }

    static ImportRequest request(ImportTarget target) {
        return ImportRequest.of(target, List.of(Symbol.of("AAPL"), Symbol.of("BRK.B")), FIRST, LAST);
    }

    static final ImportTarget SECONDS = new ImportTarget.TradeBars(Timeframe.S1);

    @TempDir
    static Path shared;

    private static Map<String, String> clean;

    /** The lake files of one clean 1s import (made once: every faulty run is compared with it). */
    private static synchronized Map<String, String> cleanSeconds() throws Exception {
        if (clean == null) {
            Path root = shared.resolve("clean");
            try (FakeAlpaca server = server()) {
                importInto(root, server, request(SECONDS));
            }
            clean = LakeSnapshot.of(root);
        }
        return clean;
    }

    @Test
    void secondBarsFromTradesAcrossAMonthEdgeWithRollUps() throws Exception {
        Path root = temp.resolve("lake");
        try (FakeAlpaca server = server()) {
            ImportReport report = importInto(root, server, request(SECONDS));

            assertThat(report.units()).extracting(u -> u.symbol() + " " + u.period()).containsExactly("AAPL 2024-10", "AAPL 2024-11", "BRK.B 2024-10", "BRK.B 2024-11");
            assertThat(report.units()).allSatisfy(unit -> assertThat(unit.pages()).isGreaterThan(1));
            assertThat(report.records()).isEqualTo(2 * 4 * 300);
            String first = URLDecoder.decode(server.requests().get(0), StandardCharsets.UTF_8);
            assertThat(first).isEqualTo("/v2/stocks/AAPL/trades?start=2024-10-30T04:00:00Z&end=2024-10-31T23:59:59.999999999Z&limit=10000&feed=iex&sort=asc");
            assertThat(URLDecoder.decode(server.requests().get(1), StandardCharsets.UTF_8)).endsWith("&page_token=NDAw");
        }
        assertThat(LakeSnapshot.of(root)).containsOnlyKeys("bars/1s/AAPL.2024-10.parquet", "bars/1s/AAPL.2024-11.parquet",
                "bars/1m/AAPL.2024-10.parquet", "bars/1m/AAPL.2024-11.parquet", "bars/1d/AAPL.2024.parquet",
                "bars/1s/BRK.B.2024-10.parquet", "bars/1s/BRK.B.2024-11.parquet",
                "bars/1m/BRK.B.2024-10.parquet", "bars/1m/BRK.B.2024-11.parquet", "bars/1d/BRK.B.2024.parquet");
        Lake lake = Lake.open(root);
        Frame seconds = lake.read(DataKind.bars(Timeframe.S1), Symbol.of("AAPL"), TimeRange.ALL, List.of());
        int trades = 0;
        for (int row = 0; row < seconds.size(); row++) {
            trades += seconds.ints("trade_count")[row];
            assertThat(seconds.timestamps()[row] % Micros.PER_SECOND).isZero();
        }
        assertThat(trades).isEqualTo(4 * 300);
        Frame daily = lake.read(DataKind.bars(Timeframe.D1), Symbol.of("AAPL"), TimeRange.ALL, List.of("timestamp"));
        List<String> dates = new ArrayList<>();
        for (long stamp : java.util.Arrays.copyOf(daily.timestamps(), daily.size())) {
            dates.add(Micros.format(stamp));
        }
        assertThat(dates).containsExactly("2024-10-30T00:00:00Z", "2024-10-31T00:00:00Z", "2024-11-01T00:00:00Z", "2024-11-04T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeAlpaca.Fault.class)
    void aFaultyRunLeavesTheFilesOfACleanRun(FakeAlpaca.Fault fault) throws Exception {
        Map<String, String> clean = cleanSeconds();
        Path root = temp.resolve("faulty");
        try (FakeAlpaca server = server()) {
            // The second page of the first month, and a request in the middle of the second symbol.
            server.failAt(2, fault).failAt(9, fault);
            importInto(root, server, request(SECONDS));
            // A clean run makes 8 requests; each fault costs at least one retry.
            assertThat(server.requests()).hasSizeGreaterThanOrEqualTo(8 + 2);
        }
        assertThat(LakeSnapshot.of(root)).isEqualTo(clean);
    }

    @Test
    void rowsRepeatedAcrossPagesAreDropped() throws Exception {
        Map<String, String> clean = cleanSeconds();
        Path root = temp.resolve("repeated");
        try (FakeAlpaca server = server()) {
            ImportReport report = importInto(root, server.repeatRows(), request(SECONDS));
            assertThat(report.units()).allSatisfy(unit -> assertThat(unit.repeated()).isEqualTo(3L * (unit.pages() - 1)));
        }
        assertThat(LakeSnapshot.of(root)).isEqualTo(clean);
    }

    @Test
    void aBadKeyIsExitOneNamingTheRequestAndNoSecret() throws Exception {
        Path root = temp.resolve("forbidden");
        try (FakeAlpaca server = server()) {
            assertThatThrownBy(() -> AlpacaImport.run(request(SECONDS), client(server, "wrong-secret"), Lake.open(root), Progress.NONE, unit -> {}))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageStartingWith("HTTP 403 for GET /v2/stocks/AAPL/trades?start=2024-10-30T04%3A00%3A00Z&end=")
                    .hasMessageContaining("forbidden.")
                    .hasMessageNotContaining("wrong-secret").hasMessageNotContaining(FakeAlpaca.KEY_ID);
            assertThat(server.requests()).hasSize(1);
        }
        assertThat(LakeSnapshot.of(root)).isEmpty();
    }

    @Test
    void retriesAreBoundedAndAFailedDownloadWritesNothing() throws Exception {
        Path root = temp.resolve("outage");
        try (FakeAlpaca server = server()) {
            server.outageAfter(1);
            assertThatThrownBy(() -> importInto(root, server, request(SECONDS)))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageMatching("GET /v2/stocks/AAPL/trades\\?.*page_token=NDAw failed 4 times; last: HTTP 500: .*");
            assertThat(server.requests()).hasSize(1 + 4);
        }
        assertThat(LakeSnapshot.of(root)).isEmpty();
    }

    @Test
    void anInterruptedRunResumesWithoutFetchingFinishedMonthsAgain() throws Exception {
        Map<String, String> clean = cleanSeconds();
        Path root = temp.resolve("resumed");
        try (FakeAlpaca server = server()) {
            // October of AAPL is two pages; November's second page meets the outage.
            server.outageAfter(3);
            assertThatThrownBy(() -> importInto(root, server, request(SECONDS))).isInstanceOf(InvalidDataException.class);
            assertThat(LakeSnapshot.of(root)).containsKeys("bars/1s/AAPL.2024-10.parquet").doesNotContainKeys("bars/1s/AAPL.2024-11.parquet");

            server.endOutage();
            int before = server.requests().size();
            ImportReport resumed = importInto(root, server, request(SECONDS));

            assertThat(resumed.units()).extracting(UnitSummary::status).containsExactly(UnitSummary.Status.DONE_EARLIER,
                    UnitSummary.Status.FETCHED, UnitSummary.Status.FETCHED, UnitSummary.Status.FETCHED);
            assertThat(server.requests().subList(before, server.requests().size())).noneMatch(r -> r.startsWith("/v2/stocks/AAPL/") && r.contains("start=2024-10-30"));
        }
        assertThat(LakeSnapshot.of(root)).isEqualTo(clean);
    }

    @Test
    void finishedUnitsAreSkippedUnlessForced() throws Exception {
        Path root = temp.resolve("again");
        try (FakeAlpaca server = server()) {
            importInto(root, server, request(SECONDS));
            Map<String, String> first = LakeSnapshot.of(root);
            int before = server.requests().size();

            ImportReport again = importInto(root, server, request(SECONDS));
            assertThat(again.units()).allMatch(unit -> unit.status() == UnitSummary.Status.DONE_EARLIER);
            assertThat(server.requests()).hasSize(before);

            ImportReport forced = importInto(root, server, request(SECONDS).refetching());
            assertThat(forced.units()).allMatch(unit -> unit.status() == UnitSummary.Status.FETCHED && unit.added() == 0 && unit.replaced() == 0);
            assertThat(LakeSnapshot.of(root)).isEqualTo(first);
        }
    }

    @Test
    void quotesKeepOnePerSecond() throws Exception {
        Path root = temp.resolve("quotes");
        try (FakeAlpaca server = server()) {
            ImportReport report = importInto(root, server, request(new ImportTarget.Quotes()));
            assertThat(report.records()).isEqualTo(2 * 4 * 300);
            assertThat(URLDecoder.decode(server.requests().get(0), StandardCharsets.UTF_8)).startsWith("/v2/stocks/AAPL/quotes?start=2024-10-30T04:00:00Z");
        }
        Frame quotes = Lake.open(root).read(DataKind.QUOTES, Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(quotes.size()).isBetween(1000, 1200);
        for (int row = 0; row < quotes.size(); row++) {
            assertThat(quotes.timestamps()[row] % Micros.PER_SECOND).isZero();
            assertThat(quotes.doubles("spread")[row]).isEqualTo(quotes.doubles("ask_price")[row] - quotes.doubles("bid_price")[row]);
            assertThat(quotes.strings("exchange")[row]).isIn("V", "P", "Q");
        }
    }

    @Test
    void minuteAndDailyBarsComeFromTheApi() throws Exception {
        Path root = temp.resolve("bars");
        try (FakeAlpaca server = server()) {
            importInto(root, server, new ImportRequest(new ImportTarget.ApiBars(Timeframe.D1), List.of(Symbol.of("AAPL")), FIRST, LAST, Feed.SIP, Adjustment.ALL, false));
            importInto(root, server, ImportRequest.of(new ImportTarget.ApiBars(Timeframe.M1), List.of(Symbol.of("AAPL")), FIRST, LAST));
            assertThat(URLDecoder.decode(server.requests().get(0), StandardCharsets.UTF_8))
                    .isEqualTo("/v2/stocks/AAPL/bars?timeframe=1Day&start=2024-10-30T04:00:00Z&end=2024-11-05T04:59:59.999999999Z"
                            + "&limit=10000&feed=sip&adjustment=all&sort=asc");
        }
        Lake lake = Lake.open(root);
        Frame daily = lake.read(DataKind.bars(Timeframe.D1), Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(daily.size()).isEqualTo(4);
        assertThat(Micros.format(daily.timestamps()[3])).isEqualTo("2024-11-04T00:00:00Z");
        assertThat(daily.ints("trade_count")[0]).isEqualTo(300);
        Frame minutes = lake.read(DataKind.bars(Timeframe.M1), Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(minutes.size()).isEqualTo(4 * 120);
        // 09:30 New York: 13:30 UTC before the clocks went back on 3 November, 14:30 after.
        assertThat(Micros.format(minutes.timestamps()[0])).isEqualTo("2024-10-30T13:30:00Z");
        assertThat(Micros.format(minutes.timestamps()[3 * 120])).isEqualTo("2024-11-04T14:30:00Z");
        assertThat(minutes.doubles("vwap")[0]).isPositive();
    }

    @Test
    void aMissingKeyIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> AlpacaClient.fromEnvironment(AlpacaClient.DEFAULT_BASE_URL, Map.of(AlpacaClient.KEY_ID_VARIABLE, "id"), FAST))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("APCA_API_SECRET_KEY is not set");
        assertThatThrownBy(() -> AlpacaClient.fromEnvironment(AlpacaClient.DEFAULT_BASE_URL, Map.of(), FAST))
                .hasMessageStartingWith("APCA_API_KEY_ID is not set");
    }
}
