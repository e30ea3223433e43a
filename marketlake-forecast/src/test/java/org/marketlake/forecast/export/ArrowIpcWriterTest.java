package org.marketlake.forecast.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Symbol;

/**
 * The Arrow IPC file is pinned to bytes that an independent reader accepted: {@code three-series.arrow} was
 * written by this class and read back with pyarrow 25 ({@code pyarrow.ipc.open_file(...).read_all()} with
 * {@code validate(full=True)}) as {@code start: timestamp[us] not null, target: list<item: float> not null}
 * holding exactly the rows below. A change to the writer that changes a byte must be re-checked the same way.
 */
class ArrowIpcWriterTest {
    @TempDir
    Path folder;

    private static List<TrainingSeries> threeSeries() {
        return List.of(
                new TrainingSeries(Symbol.of("AAPL"), 1704205800000000L, new float[] {10.5f, 10.75f, Float.NaN, 11.25f}),
                new TrainingSeries(Symbol.of("MSFT"), 1704292200000000L, new float[] {300.25f, 300.5f}),
                new TrainingSeries(Symbol.of("X"), 0L, new float[] {1f}));
    }

    @Test
    void writesTheBytesPyarrowValidated() throws IOException {
        Path out = folder.resolve("train.arrow");

        TrainingFiles.writeArrow(threeSeries(), out);

        byte[] expected;
        try (InputStream golden = getClass().getResourceAsStream("/export/three-series.arrow")) {
            expected = golden.readAllBytes();
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
    }

    @Test
    void hasTheFileFormatFrameAndTheValuesInItsBody() throws IOException {
        Path out = folder.resolve("train.arrow");
        TrainingFiles.writeArrow(threeSeries(), out);
        byte[] bytes = Files.readAllBytes(out);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        assertThat(new String(bytes, bytes.length - 6, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        int footerLength = buffer.getInt(bytes.length - 10);
        assertThat(footerLength).isPositive().isLessThan(bytes.length);
        assertThat(buffer.getInt(8)).as("continuation marker of the schema message").isEqualTo(0xFFFFFFFF);
        // the seven floats of the three targets, back to back and 8-aligned, somewhere in the record batch body
        ByteBuffer floats = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : new float[] {10.5f, 10.75f, Float.NaN, 11.25f, 300.25f, 300.5f, 1f}) {
            floats.putFloat(value);
        }
        assertThat(indexOf(bytes, floats.array()) % 8).isZero();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
