package org.marketlake.cli.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.Main;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.testing.Bars;

/** {@code marketlake chronos predict|export} through the command line, exit codes and output together. */
class ChronosCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("marketlake.shared", "../shared"));
    private static final String MODEL = SHARED.resolve("chronos/dummy-chronos-bolt-model").toString();

    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void predictsTheReferenceCaseFromJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode reference = json.readTree(SHARED.resolve("chronos/vectors.json").toFile()).path("cases").get(1);
        Path input = folder.resolve("series.json");
        Files.writeString(input, "{\"series\": " + reference.path("inputs") + "}");

        Run result = run("chronos", "predict", "--model", MODEL, "--input", input.toString(), "--prediction-length", "12");

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        JsonNode output = json.readTree(result.out());
        assertThat(output.path("quantile_levels").toString()).isEqualTo("[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9]");
        JsonNode quantiles = output.path("quantiles");
        JsonNode expected = reference.path("expected_quantiles");
        assertThat(quantiles.size()).isEqualTo(3);
        for (int s = 0; s < 3; s++) {
            assertThat(quantiles.get(s).size()).isEqualTo(9);
            for (int q = 0; q < 9; q++) {
                assertThat(quantiles.get(s).get(q).size()).isEqualTo(12);
                for (int t = 0; t < 12; t++) {
                    double want = expected.get(s).get(q).get(t).asDouble();
                    assertThat(quantiles.get(s).get(q).get(t).asDouble())
                            .as("quantiles[%d][%d][%d]", s, q, t)
                            .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(want)));
                }
            }
            assertThat(output.path("mean").get(s).toString()).isEqualTo(quantiles.get(s).get(4).toString());
        }
    }

    @Test
    void csvInAndCsvOut() throws Exception {
        Path input = folder.resolve("series.csv");
        // column a starts one row later (aligned at the end); b's last value is missing
        Files.writeString(input, "a,b\n,10.5\n2.0,11.0\n2.5,11.5\n3.0,\n");

        Run csv = run("chronos", "predict", "--model", MODEL, "--input", input.toString(),
                "--prediction-length", "3", "--format", "csv");
        Run json = run("chronos", "predict", "--model", MODEL, "--input", input.toString(), "--horizon", "3");

        assertThat(csv.code()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.get(0)).isEqualTo("series,step,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9,mean");
        assertThat(lines).extracting(line -> line.split(",")[0] + "," + line.split(",")[1])
                .containsExactly("series,step", "0,0", "0,1", "0,2", "1,0", "1,1", "1,2");
        JsonNode output = new ObjectMapper().readTree(json.out());
        String[] row = lines.get(5).split(",");
        assertThat(row).hasSize(12);
        assertThat(Double.parseDouble(row[2])).isEqualTo(output.path("quantiles").get(1).get(0).get(1).asDouble());
        assertThat(Double.parseDouble(row[11])).isEqualTo(output.path("mean").get(1).get(1).asDouble());
    }

    @Test
    void aFolderThatIsNotACheckpointIsAUsageError() {
        Path input = folder.resolve("series.json");
        Run result = run("chronos", "predict", "--model", folder.toString(), "--input", input.toString(),
                "--prediction-length", "4");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("marketlake: ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingCheckpointFileIsNamed() throws Exception {
        Path input = folder.resolve("series.json");
        Files.writeString(input, "{\"series\": [[1, 2, 3]]}");
        Run result = run("chronos", "predict", "--model", folder.toString(), "--input", input.toString(),
                "--prediction-length", "4");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("marketlake: not a Chronos-Bolt checkpoint: config.json is missing in "
                + folder + " (expected config.json and model.safetensors, e.g. from huggingface-cli download "
                + "amazon/chronos-bolt-small --local-dir DIR)" + System.lineSeparator());
    }

    @Test
    void aValueThatIsNotANumberIsADataError() throws Exception {
        Path input = folder.resolve("series.json");
        Files.writeString(input, "{\"series\": [[1, 2, \"three\"]]}");
        Run result = run("chronos", "predict", "--model", MODEL, "--input", input.toString(), "--prediction-length", "4");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("not a number [file=" + input + ", series=0, index=2, value=\"three\"]");
    }

    @Test
    void aMissingPredictionLengthIsAUsageError() {
        Run result = run("chronos", "predict", "--model", MODEL, "--input", "x.json");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--prediction-length");
    }

    @Test
    void exportsParquetAndConfigThatDuckDbReadsBack() throws Exception {
        Path root = folder.resolve("lake");
        Lake lake = Lake.open(root);
        Frame.Builder bars = Bars.builder(Timeframe.M1, "AAPL");
        Bars.bar(bars, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        Bars.bar(bars, "2024-01-02T14:32:00Z", 10.5, 11, 10, 10.75, 100);
        Bars.bar(bars, "2024-01-03T14:30:00Z", 11, 12, 10, 11.5, 100);
        Bars.bar(bars, "2024-01-04T14:30:00Z", 11, 13, 10, 12.5, 100);
        lake.write(bars.build());
        Path out = folder.resolve("train.parquet");

        Run result = run("chronos", "export", "--root", root.toString(), "--symbol", "AAPL", "--timeframe", "1m",
                "--column", "close", "--start", "2024-01-02", "--end", "2024-01-03", "--split-gaps", "--out", out.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("wrote 2 series (4 values, 3 observed) to " + out);
        try (LakeSql sql = LakeSql.inMemory()) {
            List<Object[]> rows = sql.query("SELECT start::VARCHAR, target::VARCHAR, typeof(target) FROM read_parquet('"
                    + out + "')").rows();
            assertThat(rows).extracting(row -> row[0] + " " + row[1] + " " + row[2]).containsExactly(
                    "2024-01-02 14:30:00 [10.5, nan, 10.75] FLOAT[]",
                    "2024-01-03 14:30:00 [11.5] FLOAT[]");
        }
        String yaml = Files.readString(folder.resolve("train.yaml"));
        assertThat(yaml).contains("- \"" + out.toAbsolutePath() + "\"").contains("context_length: 512");
    }

    @Test
    void exportsArrowWithTheArrowFlag() throws Exception {
        Path root = folder.resolve("lake");
        Lake.open(root).write(Bars.random(Timeframe.D1, "MSFT", Bars.micros("2024-01-01T00:00:00Z"), 86_400_000_000L, 30, 3));
        Path out = folder.resolve("daily.arrow");

        Run result = run("chronos", "export", "--root", root.toString(), "--timeframe", "1d", "--out", out.toString(), "--arrow");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("wrote 1 series (30 values, 30 observed) to " + out);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        assertThat(Files.exists(folder.resolve("daily.yaml"))).isTrue();
    }

    @Test
    void anEmptySelectionIsADataError() throws Exception {
        Run missing = run("chronos", "export", "--root", folder.resolve("missing").toString(), "--symbol", "AAPL",
                "--out", folder.resolve("x.parquet").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("marketlake: no lake at ");
        java.nio.file.Files.createDirectories(folder.resolve("empty/bars"));
        Run result = run("chronos", "export", "--root", folder.resolve("empty").toString(), "--symbol", "AAPL",
                "--out", folder.resolve("x.parquet").toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("marketlake: no 1m bars to export [symbols=[AAPL]");
    }
}
