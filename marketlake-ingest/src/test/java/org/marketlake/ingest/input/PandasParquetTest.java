package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketlake.ingest.testing.CollectingSink;

/**
 * Parquet as pandas/pyarrow and Polars write it: nanosecond timestamps with a UTC zone, naive ones as INT96,
 * several page codecs. The set-up installs pandas, pyarrow and Polars with pip when they are missing; a machine
 * that can have none of them fails the test loudly.
 */
class PandasParquetTest {
    @TempDir
    static Path folder;

    @BeforeAll
    static void pandas() throws IOException, InterruptedException {
        if (!run(List.of("python3", "-c", "import pandas, pyarrow, polars"), 60)) {
            run(List.of("python3", "-m", "pip", "install", "--quiet", "pandas", "pyarrow", "polars"), 300);
        }
        assertThat(run(List.of("python3", "-c", "import pandas, pyarrow, polars"), 60)).as("python3 with pandas, pyarrow and polars").isTrue();
        // One Python start for every file: importing pandas takes seconds.
        String script = """
                import pandas as pd
                for codec, kind in [("snappy", "utc"), ("gzip", "utc"), ("brotli", "int96"), ("lz4", "utc"), ("zstd", "int96")]:
                    ts = pd.to_datetime(["2024-01-02T14:30:00.123456789", "2024-01-02T14:30:01.000000000"])
                    if kind == "utc":
                        ts = ts.tz_localize("UTC")
                    df = pd.DataFrame({"timestamp": ts, "price": [101.5, 101.25], "size": [200, 50], "venue": ["Q", "N"]})
                    df.to_parquet("%s/" + codec + "-" + kind + ".parquet", compression=codec,
                                  use_deprecated_int96_timestamps=(kind == "int96"), index=False)
                import datetime, polars as pl
                frame = pl.DataFrame({"timestamp": [datetime.datetime(2024, 1, 2, 14, 30, 0, 123456), datetime.datetime(2024, 1, 2, 14, 30, 1)],
                                      "price": [101.5, 101.25], "size": [200, 50], "venue": ["Q", "N"]})
                frame.with_columns(pl.col("timestamp").dt.replace_time_zone("UTC")).write_parquet("%s/polars-utc.parquet", compression="zstd")
                """.formatted(folder, folder);
        Path scriptFile = Files.writeString(folder.resolve("write.py"), script);
        assertThat(run(List.of("python3", scriptFile.toString()), 120)).as(Files.readString(folder.resolve("python.log"))).isTrue();
    }

    private static boolean run(List<String> command, int seconds) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("python.log").toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "snappy, utc",
        "gzip,   utc",
        "brotli, int96",
        "lz4,    utc",
        "zstd,   int96",
        "polars, utc",
    })
    void readsWhatPandasWrites(String codec, String timestamps) {
        Path file = folder.resolve(codec + "-" + timestamps + ".parquet");
        CollectingSink sink = new CollectingSink();
        Inputs.read(file, RecordLayout.TRADES, ColumnMapping.NONE, TimestampParser.strict(), sink);
        // INT96 holds nanoseconds too; both floor to the microsecond.
        assertThat(sink.rows).containsExactly(
                "1: 2024-01-02T14:30:00.123456Z 101.5 200.0",
                "2: 2024-01-02T14:30:01Z 101.25 50.0");
    }
}
