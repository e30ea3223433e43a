package org.marketlake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.aggregate.TradeBars;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.testing.FrameText;
import org.marketlake.ingest.testing.Trades;

/** The ingest call through a real lake: files, months, merge across calls, idempotence, strictness. */
class IngestTest {
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final DataKind SECONDS = DataKind.bars(Timeframe.S1);
    private static final DataKind MINUTES = DataKind.bars(Timeframe.M1);

    @TempDir
    Path folder;

    private IngestReport ingest(Lake lake, List<Path> files) {
        return Ingest.trades(lake, IngestOptions.of(AAPL, files).timeframes(Set.of(Timeframe.M1, Timeframe.D1)));
    }

    private static List<String> all(Lake lake, DataKind kind) {
        return FrameText.lines(lake.read(kind, AAPL, TimeRange.ALL, List.of()));
    }

    /** Unsorted trades over three months, in one file or spread over three: the same files, one per month. */
    @Test
    void unsortedInputOverMonthsGivesTheSameLakeHoweverItIsSplitIntoFiles() {
        Trades trades = Trades.random(5, 9_000, Bars.micros("2023-12-30T14:00:00Z"), 40 * Micros.PER_DAY, true, false).permuted(6);
        Lake whole = Lake.open(folder.resolve("whole"));
        IngestReport report = ingest(whole, List.of(trades.writeCsv(folder.resolve("all.csv"))));
        assertThat(report.rowsRead()).isEqualTo(9_000);
        assertThat(whole.files(SECONDS, AAPL)).extracting(file -> file.period().label()).containsExactly("2023-12", "2024-01", "2024-02");

        Lake split = Lake.open(folder.resolve("split"));
        ingest(split, List.of(
                trades.slice(0, 2_000).writeCsv(folder.resolve("a.csv")),
                trades.slice(2_000, 7_000).writeCsv(folder.resolve("b.csv")),
                trades.slice(7_000, 9_000).writeCsv(folder.resolve("c.csv"))));
        for (DataKind kind : List.of(SECONDS, MINUTES, DataKind.bars(Timeframe.D1))) {
            assertThat(all(split, kind)).as(kind.label()).isEqualTo(all(whole, kind)).isNotEmpty();
        }
        assertThat(all(whole, SECONDS)).isEqualTo(FrameText.lines(TradeBars.secondBars(AAPL, trades.ts, trades.price, trades.size, trades.count)));
    }

    /**
     * Large CSV files are read in byte ranges on several threads; tiny ranges here (a few hundred bytes) must give
     * the same lake and the same rejections, with the same line numbers, as whole-file reading.
     */
    @Test
    void readingInRangesOnSeveralThreadsChangesNothing() throws IOException {
        Trades trades = Trades.random(12, 4_000, Bars.micros("2024-01-30T14:00:00Z"), 5 * Micros.PER_DAY, true, false).permuted(3);
        String csv = trades.csv().replace("\n" + Micros.format(trades.ts[1000]) + ",", "\n" + Micros.format(trades.ts[1000]) + ",-")
                + "garbage,1,1\n";
        Path file = Files.writeString(folder.resolve("t.csv"), csv);
        Lake whole = Lake.open(folder.resolve("whole"));
        IngestReport wholeReport = Ingest.trades(whole, IngestOptions.of(AAPL, List.of(file)).timeframes(Set.of(Timeframe.M1)), Long.MAX_VALUE);
        Lake ranges = Lake.open(folder.resolve("ranges"));
        IngestReport rangeReport = Ingest.trades(ranges, IngestOptions.of(AAPL, List.of(file)).timeframes(Set.of(Timeframe.M1)), 500);
        assertThat(rangeReport.readSummary()).isEqualTo(wholeReport.readSummary());
        assertThat(rangeReport.rowsRejected()).isEqualTo(2);
        assertThat(all(ranges, SECONDS)).isEqualTo(all(whole, SECONDS));
        assertThat(all(ranges, MINUTES)).isEqualTo(all(whole, MINUTES));
    }

    @Test
    void runningTheSameIngestTwiceChangesNothing() throws IOException {
        Trades trades = Trades.random(9, 3_000, Bars.micros("2024-01-31T20:00:00Z"), 2 * Micros.PER_DAY, false, false);
        Path csv = trades.writeCsv(folder.resolve("t.csv"));
        Lake lake = Lake.open(folder.resolve("lake"));
        ingest(lake, List.of(csv));
        List<byte[]> before = bytes(lake);
        IngestReport again = ingest(lake, List.of(csv));
        assertThat(again.writes().added()).isZero();
        assertThat(again.writes().replaced()).isZero();
        assertThat(again.writes().unchanged()).isPositive();
        assertThat(bytes(lake)).containsExactlyElementsOf(before);
    }

    /**
     * A second split across two calls keeps the later call's view of it (the lake's merge: last write wins per
     * timestamp), while the minute bar is rebuilt from what is stored, so it reflects both calls' other seconds.
     */
    @Test
    void aSecondSplitAcrossCallsKeepsTheLaterCallsView() throws IOException {
        Lake lake = Lake.open(folder.resolve("lake"));
        Path first = Files.writeString(folder.resolve("first.csv"), """
                timestamp,price,size
                2024-01-02T14:30:00.100Z,10,1
                2024-01-02T14:30:05.000Z,11,2
                """);
        Path second = Files.writeString(folder.resolve("second.csv"), """
                timestamp,price,size
                2024-01-02T14:30:00.900Z,12,3
                """);
        ingest(lake, List.of(first));
        ingest(lake, List.of(second));
        // Columns: timestamp open high low close volume trade_count notional (1s); ... vwap trade_count (1m).
        assertThat(all(lake, SECONDS)).containsExactly(
                "2024-01-02T14:30:00Z 12.0 12.0 12.0 12.0 3.0 1 36.0",
                "2024-01-02T14:30:05Z 11.0 11.0 11.0 11.0 2.0 1 22.0");
        assertThat(all(lake, MINUTES)).containsExactly("2024-01-02T14:30:00Z 12.0 12.0 11.0 11.0 5.0 11.6 2");
    }

    @Test
    void rejectionsAreCountedByReasonWithTheirFirstExamples() throws IOException {
        Path csv = Files.writeString(folder.resolve("bad.csv"), """
                timestamp,price,size
                2024-01-02T14:30:00Z,10,1
                2024-01-02T14:30:01Z,-1,1
                2024-01-02T14:30:02Z,0,1
                2024-01-02T14:30:03Z,10,-5
                2024-01-02T14:30:04Z,NaN,5
                garbage,1,1
                """);
        Lake lake = Lake.open(folder.resolve("lake"));
        IngestReport report = ingest(lake, List.of(csv));
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.rowsAccepted()).isEqualTo(1);
        assertThat(report.rejections().count(Reason.NON_POSITIVE_PRICE)).isEqualTo(2);
        assertThat(report.readSummary()).containsExactly(
                "files read: 1",
                "rows read: 6",
                "rows accepted: 1",
                "rows rejected: 5",
                "  unparseable timestamp: 1 (first: " + csv + ":7: timestamp garbage)",
                "  non-finite price: 1 (first: " + csv + ":6: price=NaN size=5.0)",
                "  non-positive price: 2 (first: " + csv + ":3: price=-1.0 size=1.0; " + csv + ":4: price=0.0 size=1.0)",
                "  negative size: 1 (first: " + csv + ":5: price=10.0 size=-5.0)");
        assertThat(all(lake, SECONDS)).hasSize(1);
    }

    @Test
    void strictFailsOnAnyRejectionWithNothingWritten() throws IOException {
        Path csv = Files.writeString(folder.resolve("bad.csv"), """
                timestamp,price,size
                2024-01-02T14:30:00Z,10,1
                2024-01-02T14:30:01Z,-1,1
                """);
        Lake lake = Lake.open(folder.resolve("lake"));
        assertThatThrownBy(() -> Ingest.trades(lake, IngestOptions.of(AAPL, List.of(csv)).strict()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("1 row(s) rejected in strict mode, nothing written; first: non-positive price [file=" + csv
                        + ", line=3, value=price=-1.0 size=1.0]");
        assertThat(lake.files()).isEmpty();
    }

    private static List<byte[]> bytes(Lake lake) {
        return lake.files().stream().map(LakeFile::path).map(path -> {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
