package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketlake.ingest.testing.CollectingSink;

/** The byte-range reader (large plain CSV files, read by several threads) gives what FastCSV gives on the whole file. */
class CsvRangesTest {
    @TempDir
    Path folder;

    /** Reads the file in ranges of {@code partBytes}, renumbering lines as the ingest does. */
    private static CollectingSink inRanges(Path file, long partBytes, RecordLayout layout) {
        List<InputPart> parts = InputPlan.plan(List.of(file), partBytes);
        CollectingSink all = new CollectingSink();
        long offset = 1;
        for (InputPart part : parts) {
            assertThat(part.isRange()).isTrue();
            CollectingSink sink = new CollectingSink();
            long lines = Inputs.read(part, layout, ColumnMapping.NONE, TimestampParser.strict(), sink);
            for (String row : sink.rows) {
                all.rows.add(renumber(row, offset));
            }
            for (String row : sink.rejected) {
                all.rejected.add(renumber(row, offset));
            }
            offset += lines;
        }
        return all;
    }

    private static String renumber(String row, long offset) {
        int colon = row.indexOf(':');
        return (Long.parseLong(row.substring(0, colon)) + offset) + row.substring(colon);
    }

    private static CollectingSink whole(Path file, RecordLayout layout) {
        CollectingSink sink = new CollectingSink();
        Inputs.read(file, layout, ColumnMapping.NONE, TimestampParser.strict(), sink);
        return sink;
    }

    @ParameterizedTest(name = "parts of {0} bytes")
    @ValueSource(longs = {50, 97, 1000, 4096})
    void rangesGiveTheSameRowsAndLinesAsTheWholeFile(long partBytes) throws IOException {
        Random random = new Random(partBytes);
        StringBuilder csv = new StringBuilder("timestamp,price,size,exchange\r\n");
        for (int i = 0; i < 400; i++) {
            String line = switch (random.nextInt(12)) {
                case 0 -> "";
                case 1 -> "2024-01-02T14:30:0" + random.nextInt(10) + "Z,abc,1,Q";
                case 2 -> "2024-01-02T14:30:00Z,-1.5";
                case 3 -> "garbage,1,1,Q";
                case 4 -> "2024-01-02T14:30:01.5+01:00,1e2,3,Q";
                default -> "2024-01-02T14:" + (10 + random.nextInt(50)) + ":00." + random.nextInt(1000) + "Z,"
                        + (100 + random.nextInt(10000) / 100.0) + "," + random.nextInt(1000) + ",X";
            };
            csv.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        Path file = Files.writeString(folder.resolve("t.csv"), csv.toString());
        CollectingSink expected = whole(file, RecordLayout.TRADES);
        CollectingSink actual = inRanges(file, partBytes, RecordLayout.TRADES);
        assertThat(actual.rows).isEqualTo(expected.rows).isNotEmpty();
        assertThat(actual.rejected).isEqualTo(expected.rejected).isNotEmpty();
    }

    @Test
    void aQuotedLineLaterInTheFileIsStillRead() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,bid_price,ask_price,exchange\n");
        // More than the 64 KB the planner sniffs for quotes, so the file is split and the quote met in a range.
        for (int i = 0; i < 2_500; i++) {
            csv.append("2024-01-02T14:30:").append(10 + i % 50).append("Z,1.5,1.75,A\n");
        }
        csv.append("\"2024-01-02T14:31:00Z\",1.5,\"1.75\",\"B, the venue\"\n");
        Path file = Files.writeString(folder.resolve("q.csv"), csv.toString());
        CollectingSink actual = inRanges(file, 8_000, RecordLayout.QUOTES);
        assertThat(actual.rows).hasSize(2_501).last().isEqualTo("2502: 2024-01-02T14:31:00Z 1.5 1.75 null null B, the venue");
        assertThat(actual.rows).isEqualTo(whole(file, RecordLayout.QUOTES).rows);
    }

    @Test
    void decimalsEqualDoubleParseDouble() {
        Random random = new Random(11);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "+1.5", "1.", ".5", "123456789012345678", "1234567890123456789",
                "9007199254740993", "0.1", "187.19", "1e5", "NaN", "-Infinity", "0.000001", "99999999999999999.9"));
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format("%d.%0" + (1 + random.nextInt(8)) + "d", random.nextInt(100_000), random.nextInt(1000)));
            texts.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(12))));
        }
        for (String text : texts) {
            byte[] bytes = ("x" + text + "y").getBytes();
            assertThat(Double.valueOf(Decimals.parse(bytes, 1, bytes.length - 1))).as(text).isEqualTo(Double.valueOf(text));
        }
    }
}
