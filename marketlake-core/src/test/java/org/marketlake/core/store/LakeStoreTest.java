package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marketlake.core.testing.Bars.bar;
import static org.marketlake.core.testing.Bars.micros;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

class LakeStoreTest {
    @TempDir
    Path root;

    private static final DataKind M1 = DataKind.bars(Timeframe.M1);

    @Test
    void writesOneFilePerMonthAndReadsBack() throws Exception {
        Lake lake = Lake.open(root);
        Frame.Builder b = Bars.builder(Timeframe.M1, "AAPL");
        bar(b, "2024-01-31T23:59:00Z", 10, 11, 9, 10.5, 100);
        bar(b, "2024-02-01T00:00:00Z", 10.5, 12, 10, 11, 200);
        WriteResult result = lake.write(b.build());

        assertThat(result.files()).hasSize(2);
        assertThat(result.added()).isEqualTo(2);
        assertThat(root.resolve("bars/1m/AAPL.2024-01.parquet")).exists();
        assertThat(root.resolve("bars/1m/AAPL.2024-02.parquet")).exists();

        Frame read = lake.read(M1, Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.timestamps()).containsExactly(micros("2024-01-31T23:59:00Z"), micros("2024-02-01T00:00:00Z"));
        assertThat(read.doubles("close")).containsExactly(10.5, 11.0);
        assertThat(read.doubles("vwap")[0]).isNaN();
    }

    @Test
    void mergeCountsAddedReplacedUnchangedAndARewriteHasTheSameDataBytes() throws Exception {
        Lake lake = Lake.open(root);
        Frame.Builder first = Bars.builder(Timeframe.M1, "AAPL");
        bar(first, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        bar(first, "2024-01-02T14:31:00Z", 10.5, 12, 10, 11, 200);
        lake.write(first.build());
        Path file = root.resolve("bars/1m/AAPL.2024-01.parquet");
        byte[] before = Files.readAllBytes(file);

        Frame.Builder again = Bars.builder(Timeframe.M1, "AAPL");
        bar(again, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        bar(again, "2024-01-02T14:31:00Z", 10.5, 12, 10, 11, 200);
        WriteResult same = lake.write(again.build());
        assertThat(same.unchanged()).isEqualTo(2);
        assertThat(same.added() + same.replaced()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        Frame.Builder second = Bars.builder(Timeframe.M1, "AAPL");
        bar(second, "2024-01-02T14:31:00Z", 10.5, 12, 10, 11.5, 250);
        bar(second, "2024-01-02T14:32:00Z", 11.5, 12, 11, 11.75, 50);
        WriteResult merged = lake.write(second.build());
        assertThat(merged.added()).isEqualTo(1);
        assertThat(merged.replaced()).isEqualTo(1);
        assertThat(merged.unchanged()).isZero();
        Frame read = lake.read(M1, Symbol.of("AAPL"), TimeRange.ALL, List.of("timestamp", "close", "volume"));
        assertThat(read.doubles("close")).containsExactly(10.5, 11.5, 11.75);
        assertThat(read.doubles("volume")).containsExactly(100.0, 250.0, 50.0);

        // Writing the same rows in a fresh lake gives the same data bytes (row groups, pages, statistics); only the
        // footer differs, since it names the commit that wrote the file (its provenance).
        Path other = Files.createTempDirectory(root, "other");
        Lake second2 = Lake.open(other);
        second2.write(lake.read(M1, Symbol.of("AAPL"), TimeRange.ALL, List.of()));
        assertThat(dataBytes(other.resolve("bars/1m/AAPL.2024-01.parquet"))).isEqualTo(dataBytes(file));
        assertThat(Files.readAllBytes(other.resolve("bars/1m/AAPL.2024-01.parquet"))).isNotEqualTo(Files.readAllBytes(file));
    }

    @Test
    void refusedWriteChangesNothingAndNamesFileRowColumnValue() throws Exception {
        Lake lake = Lake.open(root);
        Frame.Builder good = Bars.builder(Timeframe.M1, "AAPL");
        bar(good, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        lake.write(good.build());
        Path file = root.resolve("bars/1m/AAPL.2024-01.parquet");
        byte[] before = Files.readAllBytes(file);

        Frame.Builder bad = Bars.builder(Timeframe.M1, "AAPL");
        bar(bad, "2024-01-02T14:31:00Z", 10, 11, 9, 10.5, 100);
        bar(bad, "2024-02-02T14:32:00Z", 10.8, 11, 10.6, 10.5, 100);
        assertThatThrownBy(() -> lake.write(bad.build()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("invalid row [file=bars/1m/AAPL.2024-02.parquet, row=2, column=low, value=10.6]: low is above min(open, close) = 10.5");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(root.resolve("bars/1m/AAPL.2024-02.parquet")).doesNotExist();
    }

    @Test
    void duplicateTimestampsAreRefusedUnlessLastWins() {
        Lake lake = Lake.open(root);
        Frame.Builder dup = Bars.builder(Timeframe.M1, "AAPL");
        bar(dup, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        bar(dup, "2024-01-02T14:30:00Z", 10, 11, 9, 10.25, 300);
        Frame frame = dup.build();
        assertThatThrownBy(() -> lake.write(frame))
                .hasMessageContaining("row=2, column=timestamp, value=2024-01-02T14:30:00Z")
                .hasMessageContaining("rows 1 and 2");
        lake.writeLastWins(frame);
        Frame read = lake.read(M1, Symbol.of("AAPL"), TimeRange.ALL, List.of("close"));
        assertThat(read.doubles("close")).containsExactly(10.25);
    }

    @Test
    void duckDbReadsTypesAndValues() {
        Lake lake = Lake.open(root);
        Frame.Builder b = Bars.builder(Timeframe.M1, "BRK.B");
        bar(b, "2024-03-10T06:59:00Z", 410.12, 410.5, 410.01, 410.33, 1234);
        lake.write(b.build());
        try (var sql = lake.sql()) {
            var result = sql.query("SELECT symbol, timestamp, open, volume, vwap, typeof(timestamp) t, typeof(volume) v FROM bars_1m");
            assertThat(result.rows()).hasSize(1);
            Object[] row = result.rows().get(0);
            assertThat(row[0]).isEqualTo("BRK.B");
            assertThat(row[2]).isEqualTo(410.12);
            assertThat(row[3]).isEqualTo(1234.0);
            assertThat(row[4]).isNull();
            assertThat(row[5]).isEqualTo("TIMESTAMP WITH TIME ZONE");
            assertThat(row[6]).isEqualTo("DOUBLE");
            var empty = sql.query("SELECT count(*) FROM quotes");
            assertThat(((Number) empty.rows().get(0)[0]).longValue()).isZero();
            var ts = sql.query("SELECT epoch_us(timestamp) FROM bars_1m");
            assertThat(((Number) ts.rows().get(0)[0]).longValue()).isEqualTo(micros("2024-03-10T06:59:00Z"));
        }
    }

    /** A Parquet file without its footer: the magic, the row groups' pages, the column and offset indexes. */
    private static byte[] dataBytes(Path file) throws java.io.IOException {
        byte[] whole = Files.readAllBytes(file);
        int footer = java.nio.ByteBuffer.wrap(whole, whole.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        return java.util.Arrays.copyOf(whole, whole.length - 8 - footer);
    }
}
