package org.marketlake.ingest.input;

import org.marketlake.core.format.Printable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.ingest.testing.CollectingSink;

/** Issue 14, item 10: input that is bad in its bytes or header is refused (or cleaned) with a one-line message naming the file. */
class BadInputTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String TRADES = "timestamp,price,size\n2024-01-02T14:30:00Z,101.5,200\n";
    private static final String BARS = "timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,1,2,0.5,1.5,10\n";

    @TempDir
    Path folder;

    private CollectingSink trades(Path file) {
        CollectingSink sink = new CollectingSink();
        Inputs.read(file, RecordLayout.TRADES, ColumnMapping.NONE, TimestampParser.strict(), sink);
        return sink;
    }

    private Frame bars(Path file) {
        return BarCsvReader.read(file, Symbol.of("AAPL"), Timeframe.M1, TimestampParser.of(null, null));
    }

    private Path write(String name, byte[]... chunks) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] chunk : chunks) {
                out.write(chunk);
            }
        }
        return file;
    }

    /** A data error (exit 1) whose message starts as given and stays on one line. */
    private static void assertRefused(Runnable read, String messageStart) {
        assertThatThrownBy(read::run)
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining("\n");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void barsWithAGarbageHeaderAndNoRowsAreRefusedNamingFileAndColumns() throws IOException {
        Path file = write("bars.csv", utf8("foo,bar\n"));

        assertRefused(() -> bars(file), "missing column [file=" + file + ", column=timestamp, open, high, low, close, volume]");
    }

    @Test
    void barsOfBinaryBytesAreRefused() throws IOException {
        Path file = write("bars.csv", new byte[] {0x00, 0x01, (byte) 0xFF, (byte) 0xFE, 0x7F});

        assertRefused(() -> bars(file), "missing column [file=" + file + ", column=timestamp, open");
    }

    @Test
    void barsAndTradesAgreeOnAMissingColumn() throws IOException {
        Path barsFile = write("bars.csv", utf8("timestamp,open,high,low,close\n2024-01-02T14:30:00Z,1,2,0.5,1.5\n"));
        Path tradesFile = write("trades.csv", utf8("timestamp,price\n2024-01-02T14:30:00Z,1\n"));

        assertRefused(() -> bars(barsFile), "missing column [file=" + barsFile + ", column=volume]");
        assertRefused(() -> trades(tradesFile), "missing column [file=" + tradesFile + ", column=size]");
    }

    @Test
    void aByteOrderMarkIsStrippedFromTradesCsv() throws IOException {
        CollectingSink sink = trades(write("trades.csv", BOM, utf8(TRADES)));

        assertThat(sink.rows).containsExactly("2: 2024-01-02T14:30:00Z 101.5 200.0");
    }

    @Test
    void aByteOrderMarkIsStrippedFromTradesJsonLines() throws IOException {
        CollectingSink sink = trades(write("trades.jsonl", BOM, utf8("{\"timestamp\":\"2024-01-02T14:30:00Z\",\"price\":101.5,\"size\":200}\n")));

        assertThat(sink.rows).containsExactly("1: 2024-01-02T14:30:00Z 101.5 200.0");
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void aByteOrderMarkIsStrippedFromBarsCsv() throws IOException {
        Frame frame = bars(write("bars.csv", BOM, utf8(BARS)));

        assertThat(frame.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"trades.csv.gz", "trades.csv.zst"})
    void aTruncatedCompressedFileIsNamedInOneLine(String name) throws IOException {
        StringBuilder text = new StringBuilder("timestamp,price,size\n");
        for (int i = 0; i < 2000; i++) {
            text.append("2024-01-02T14:30:00Z,").append(100 + i).append(",1\n");
        }
        Path whole = folder.resolve("whole-" + name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(whole))
                : new ZstdOutputStream(Files.newOutputStream(whole))) {
            out.write(utf8(text.toString()));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path file = write(name, Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(() -> trades(file), "input file is truncated or corrupt [file=" + file + "]: ");
    }

    @Test
    void aTruncatedGzipBarsFileIsNamed() throws IOException {
        Path whole = folder.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(utf8(BARS.repeat(1)));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path file = write("bars.csv.gz", Arrays.copyOf(bytes, bytes.length - 6));

        assertRefused(() -> bars(file), "input file is truncated or corrupt [file=" + file + "]: ");
    }

    @Test
    void printableEscapesControlCharactersInvalidUtf8AndNewlines() {
        String decoded = new String(new byte[] {'a', (byte) 0xFF, 0x00, 0x1B, '\n', 'b'}, StandardCharsets.UTF_8);

        assertThat(Printable.of(decoded)).isEqualTo("a\\uFFFD\\x00\\x1B\\nb");
        assertThat(Printable.of("plain 101.5 é 😀")).isEqualTo("plain 101.5 é 😀");
        assertThat(Printable.of("\uFEFFx\r\t")).isEqualTo("\\uFEFFx\\r\\t");
        assertThat(Printable.of(null)).isNull();
    }

    @Test
    void aRejectedValueWithANewlineKeepsTheSummaryOnOneLine() throws IOException {
        Path file = write("trades.csv", utf8("timestamp,price,size\n2024-01-02T14:30:00Z,\"1\n2\",200\n"));
        Rejections rejections = new Rejections();
        CollectingSink sink = trades(file);
        assertThat(sink.rejected).hasSize(1);
        rejections.add(Reason.BAD_NUMBER, file.toString(), 2, sink.rejected.get(0).substring(sink.rejected.get(0).indexOf("price")));

        assertThat(rejections.first().toString()).isEqualTo(file + ":2: price 1\\n2").doesNotContain("\n");
    }
}
