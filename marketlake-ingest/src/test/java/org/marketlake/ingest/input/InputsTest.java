package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.time.EpochUnit;
import org.marketlake.ingest.testing.CollectingSink;

class InputsTest {
    private static final String TRADES = """
            timestamp,price,size,exchange
            2024-01-02T14:30:00.123456789Z,101.5,200,Q
            2024-01-02T09:30:01-05:00,101.25,50,N
            """;

    @TempDir
    Path folder;

    private CollectingSink read(Path file, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps) {
        CollectingSink sink = new CollectingSink();
        Inputs.read(file, layout, mapping, timestamps, sink);
        return sink;
    }

    private CollectingSink trades(Path file) {
        return read(file, RecordLayout.TRADES, ColumnMapping.NONE, TimestampParser.strict());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trades.csv", "trades.csv.gz", "trades.csv.zst"})
    void csvPlainGzipAndZstdGiveTheSameRows(String name) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = compressed(file)) {
            out.write(TRADES.getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink sink = trades(file);
        assertThat(sink.rows).containsExactly(
                "2: 2024-01-02T14:30:00.123456Z 101.5 200.0",
                "3: 2024-01-02T14:30:01Z 101.25 50.0");
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithMapping() throws IOException {
        Path file = Files.writeString(folder.resolve("other.csv"), """
                venue,amount,when,p
                Q,7,2024-01-02T14:30:00Z,10.5
                """);
        CollectingSink sink = read(file, RecordLayout.TRADES, ColumnMapping.parse("size=amount, price=p,timestamp=when"), TimestampParser.strict());
        assertThat(sink.rows).containsExactly("2: 2024-01-02T14:30:00Z 10.5 7.0");
    }

    @Test
    void aMissingColumnFailsTheFileNamingItAndTheHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("nosize.csv"), "timestamp,price,amount\n2024-01-02T14:30:00Z,1,2\n");
        assertThatThrownBy(() -> trades(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("missing column [file=" + file + ", column=size]")
                .hasMessageContaining("[timestamp, price, amount]")
                .hasMessageContaining("map another to size (size=COLUMN)");
    }

    @Test
    void badRowsAreRejectedWithTheirLinesAndTheRestIsRead() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), """
                timestamp,price,size
                2024-01-02T14:30:00Z,abc,1
                not-a-time,1,1

                2024-01-02T14:30:02Z,,1
                2024-01-02T14:30:03Z,1
                2024-01-02T14:30:04Z,2,3
                """);
        CollectingSink sink = trades(file);
        assertThat(sink.rows).containsExactly("7: 2024-01-02T14:30:04Z 2.0 3.0");
        assertThat(sink.rejected).containsExactly(
                "2: unparseable number: price abc",
                "3: unparseable timestamp: timestamp not-a-time",
                "5: missing value: price is empty",
                "6: malformed row: 2 fields, the header has 3");
    }

    @Test
    void timestampsWithoutOffsetOrUnitStopTheIngestWithTheFileAndLine() throws IOException {
        Path local = Files.writeString(folder.resolve("local.csv"), "timestamp,price,size\n2024-01-02 09:30:00,1,1\n");
        assertThatThrownBy(() -> trades(local))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("give the time zone it is in")
                .hasMessageContaining("file=" + local + ", line=2");
        Path epoch = Files.writeString(folder.resolve("epoch.csv"), "timestamp,price,size\n1704205800000000000,1,1\n");
        assertThatThrownBy(() -> trades(epoch)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("needs its epoch unit");
        CollectingSink sink = read(epoch, RecordLayout.TRADES, ColumnMapping.NONE, TimestampParser.of(null, EpochUnit.NS));
        assertThat(sink.rows).containsExactly("2: 2024-01-02T14:30:00Z 1.0 1.0");
    }

    @Test
    void jsonLinesTakeStringsOrNumbersAndRejectMalformedLines() throws IOException {
        Path file = Files.writeString(folder.resolve("quotes.jsonl"), """
                {"timestamp": 1704205800123456, "bid_price": 1.1, "ask_price": "1.2", "bid_size": 5, "exchange": "X", "extra": [1, 2]}
                {"timestamp": "2024-01-02T14:30:01Z", "bid_price": 1.1, "ask_price": 1.3, "bid_size": null}
                {"timestamp": "2024-01-02T14:30:02Z", "bid_price": 1.1
                [1, 2]
                {"timestamp": "2024-01-02T14:30:03Z", "ask_price": 1.3}
                """);
        CollectingSink sink = read(file, RecordLayout.QUOTES, ColumnMapping.NONE, TimestampParser.of(null, EpochUnit.US));
        assertThat(sink.rows).containsExactly(
                "1: 2024-01-02T14:30:00.123456Z 1.1 1.2 5.0 null X",
                "2: 2024-01-02T14:30:01Z 1.1 1.3 null null");
        assertThat(sink.rejected).hasSize(3);
        assertThat(sink.rejected.get(0)).startsWith("3: malformed row: invalid JSON");
        assertThat(sink.rejected.get(1)).isEqualTo("4: malformed row: not a JSON object");
        assertThat(sink.rejected.get(2)).isEqualTo("5: missing value: bid_price is empty");
    }

    @Test
    void jsonLinesGzipped() throws IOException {
        Path file = folder.resolve("t.jsonl.gz");
        try (OutputStream out = compressed(file)) {
            out.write("{\"timestamp\":\"2024-01-02T14:30:00Z\",\"price\":3,\"size\":4}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(trades(file).rows).containsExactly("1: 2024-01-02T14:30:00Z 3.0 4.0");
    }

    /** Parquet as DuckDB writes it, with each page codec and each way of storing a timestamp. */
    @ParameterizedTest(name = "{0} pages, timestamp as {1}")
    @CsvSource({
        "snappy, TIMESTAMPTZ",
        "gzip,   TIMESTAMP",
        "zstd,   TIMESTAMP_NS",
        "lz4,    TIMESTAMP_MS",
        "brotli, VARCHAR",
        "zstd,   BIGINT",
    })
    void parquetFromDuckDb(String codec, String timestampType) {
        Path file = folder.resolve("t-" + codec + "-" + timestampType + ".parquet");
        String timestamp = switch (timestampType) {
            case "BIGINT" -> "epoch_ns(TIMESTAMPTZ '2024-01-02 14:30:00.123456+00') + 789";
            case "VARCHAR" -> "'2024-01-02T14:30:00.123456Z'";
            case "TIMESTAMP_NS" -> "CAST('2024-01-02 14:30:00.123456789' AS TIMESTAMP_NS)";
            default -> "CAST(TIMESTAMPTZ '2024-01-02 14:30:00.123456+00' AS " + timestampType + ")";
        };
        try (LakeSql sql = LakeSql.inMemory()) {
            sql.execute("COPY (SELECT " + timestamp + " AS timestamp, CAST(101.5 AS DOUBLE) AS price, 7 AS size, 'Q' AS exchange "
                    + "UNION ALL SELECT NULL, 1.0, 1, 'Q') TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
        }
        boolean naive = timestampType.startsWith("TIMESTAMP_") || timestampType.equals("TIMESTAMP");
        if (naive) {
            // Zone-less Parquet timestamps are wall-clock times: refused like CSV text without an offset unless a zone is given.
            assertThatThrownBy(() -> read(file, RecordLayout.TRADES, ColumnMapping.NONE, TimestampParser.strict()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("timestamp column without a time zone [file=" + file + ", column=timestamp, value="
                            + (timestampType.equals("TIMESTAMP_NS") ? "TIMESTAMP_NS" : "TIMESTAMP") + "]")
                    .hasMessageEndingWith("say which zone they are in");
        }
        TimestampParser timestamps = switch (timestampType) {
            case "BIGINT" -> TimestampParser.of(null, EpochUnit.NS);
            case "TIMESTAMPTZ", "VARCHAR" -> TimestampParser.strict();
            default -> TimestampParser.of(java.time.ZoneOffset.UTC, null);
        };
        CollectingSink sink = read(file, RecordLayout.TRADES, ColumnMapping.NONE, timestamps);
        String expected = timestampType.equals("TIMESTAMP_MS") ? "2024-01-02T14:30:00.123Z" : "2024-01-02T14:30:00.123456Z";
        assertThat(sink.rows).containsExactly("1: " + expected.replace(".123Z", ".123000Z") + " 101.5 7.0");
        assertThat(sink.rejected).hasSize(1).first().asString().startsWith("2: missing value");
    }

    @Test
    void parquetIntegerTimestampsNeedAnEpochUnit() {
        Path file = folder.resolve("int.parquet");
        try (LakeSql sql = LakeSql.inMemory()) {
            sql.execute("COPY (SELECT 1704205800 AS timestamp, 1.0 AS price, 1.0 AS size) TO '" + file + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> trades(file)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("needs its epoch unit");
    }

    @Test
    void folderAndGlobExpandInNameOrder() throws IOException {
        Files.createDirectories(folder.resolve("in/sub"));
        Files.writeString(folder.resolve("in/b.csv"), "x");
        Files.writeString(folder.resolve("in/a.csv.gz"), "x");
        Files.writeString(folder.resolve("in/sub/c.parquet"), "x");
        Files.writeString(folder.resolve("in/notes.md"), "x");
        Files.writeString(folder.resolve("in/.hidden.csv"), "x");
        assertThat(InputFiles.expand(List.of(folder.resolve("in").toString())))
                .containsExactly(folder.resolve("in/a.csv.gz"), folder.resolve("in/b.csv"), folder.resolve("in/sub/c.parquet"));
        assertThat(InputFiles.expand(List.of(folder.resolve("in").toString() + "/*.csv*")))
                .containsExactly(folder.resolve("in/a.csv.gz"), folder.resolve("in/b.csv"));
        assertThatThrownBy(() -> InputFiles.expand(List.of(folder.resolve("missing.csv").toString())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> InputFiles.expand(List.of(folder.resolve("in/notes.md").toString())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown input format");
    }

    private static OutputStream compressed(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            return new GZIPOutputStream(raw);
        }
        if (name.endsWith(".zst")) {
            return new ZstdOutputStream(raw);
        }
        return raw;
    }
}
