package org.marketlake.forecast.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.testing.Python;

/**
 * The Arrow IPC training file as its readers see it. {@code three-series.arrow} was written by the hand-made
 * writer this one replaced and accepted by pyarrow 25 ({@code validate(full=True)}); the new file must hold the
 * same schema and rows, and pyarrow must still read it.
 */
class ArrowTrainingFileTest {
    @TempDir
    Path folder;

    private static List<TrainingSeries> threeSeries() {
        return List.of(
                new TrainingSeries(Symbol.of("AAPL"), 1704205800000000L, new float[] {10.5f, 10.75f, Float.NaN, 11.25f}),
                new TrainingSeries(Symbol.of("MSFT"), 1704292200000000L, new float[] {300.25f, 300.5f}),
                new TrainingSeries(Symbol.of("X"), 0L, new float[] {1f}));
    }

    @Test
    void holdsTheSchemaAndRowsOfTheFilePyarrowValidated() throws IOException {
        Path out = folder.resolve("train.arrow");
        Path golden = folder.resolve("golden.arrow");
        try (InputStream in = getClass().getResourceAsStream("/export/three-series.arrow")) {
            Files.copy(in, golden, StandardCopyOption.REPLACE_EXISTING);
        }

        TrainingFiles.writeArrow(threeSeries(), out);

        assertThat(read(out)).isEqualTo(read(golden)).containsExactly(
                "Schema<start: Timestamp(MICROSECOND, null) not null, target: List<item: FloatingPoint(SINGLE)> not null>",
                "batch of 3 rows",
                "1704205800000000 [10.5, 10.75, NaN, 11.25]",
                "1704292200000000 [300.25, 300.5]",
                "0 [1.0]");
        try (var files = Files.list(folder)) {
            assertThat(files.filter(AtomicFiles::isTemporary)).as("no temporary file left").isEmpty();
        }
    }

    @Test
    void pyarrowReadsAndFullyValidatesIt() throws Exception {
        Path out = folder.resolve("train.arrow");
        TrainingFiles.writeArrow(threeSeries(), out);

        String output = Python.script("""
                import sys, pyarrow.ipc as ipc
                reader = ipc.open_file(sys.argv[1])
                table = reader.read_all()
                table.validate(full=True)
                print(table.schema)
                print("batches", reader.num_record_batches)
                for row in table.to_pylist():
                    print(row["start"].isoformat(), row["target"])
                """, out.toString());

        assertThat(output).contains("start: timestamp[us] not null\ntarget: list<item: float> not null\n")
                .contains("batches 1\n")
                .contains("2024-01-02T14:30:00 [10.5, 10.75, nan, 11.25]\n")
                .contains("2024-01-03T14:30:00 [300.25, 300.5]\n")
                .contains("1970-01-01T00:00:00 [1.0]\n");
    }

    @Test
    void seriesGoIntoBatchesOfAtMostTheBatchSizeAndALongerSeriesIsABatchOfItsOwn() throws IOException {
        int half = ArrowTrainingFile.VALUES_PER_BATCH / 2;
        List<TrainingSeries> series = List.of(
                new TrainingSeries(Symbol.of("A"), 0L, filled(half, 1f)),
                new TrainingSeries(Symbol.of("B"), 1L, filled(half, 2f)),
                new TrainingSeries(Symbol.of("C"), 2L, filled(ArrowTrainingFile.VALUES_PER_BATCH + 1, 3f)),
                new TrainingSeries(Symbol.of("D"), 3L, filled(1, 4f)));
        Path out = folder.resolve("long.arrow");

        TrainingFiles.writeArrow(series, out);

        assertThat(read(out)).filteredOn(line -> line.startsWith("batch"))
                .containsExactly("batch of 2 rows", "batch of 1 rows", "batch of 1 rows");
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }

    /** The schema, then per batch its size and per row the start and the target (long targets summarised). */
    private static List<String> read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                SeekableByteChannel channel = Files.newByteChannel(file);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            lines.add(root.getSchema().toString());
            while (reader.loadNextBatch()) {
                lines.add("batch of " + root.getRowCount() + " rows");
                TimeStampMicroVector start = (TimeStampMicroVector) root.getVector("start");
                ListVector target = (ListVector) root.getVector("target");
                Float4Vector items = (Float4Vector) target.getDataVector();
                for (int row = 0; row < root.getRowCount(); row++) {
                    int from = target.getElementStartIndex(row);
                    int to = target.getElementEndIndex(row);
                    if (to - from > 10) {
                        lines.add(start.get(row) + " " + (to - from) + " values");
                        continue;
                    }
                    List<Float> values = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                        assertThat(items.isNull(i)).as("NaN is a value, not a null").isFalse();
                        values.add(items.get(i));
                    }
                    lines.add(start.get(row) + " " + values);
                }
            }
        }
        return lines;
    }
}
