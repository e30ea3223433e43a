package org.marketlake.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.forecast.chronos.ChronosBolt;
import org.marketlake.forecast.chronos.ChronosForecast;
import org.marketlake.forecast.chronos.FloatMatmul;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 8's figures: Chronos-Bolt series per second (batch of 64 series of length 512, horizon 64) with random
 * weights in the published {@code chronos-bolt-small} and {@code -base} shapes, and in the same run the float32
 * matrix multiply of the model's largest layer (the feed-forward {@code d_model x d_ff}) over the batch's 64 x 33
 * encoder tokens, on both cores as the model runs, so the model's throughput reads as a fraction of it. DuckDB
 * does the same multiply as {@code array_inner_product} over {@code FLOAT[d_model]} rows, one series' 33 tokens.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ChronosBoltBenchmark {
    static final int BATCH = 64;
    static final int LENGTH = 512;
    static final int HORIZON = 64;
    /** Encoder positions for a 512-value context: 32 patches of 16 and the [REG] token. */
    static final int TOKENS = LENGTH / 16 + 1;
    static final int DUCKDB_ROWS = TOKENS;

    @Param({"small", "base"})
    public String shape;

    private ChronosBolt model;
    private double[][] series;
    private float[][] activations;
    private float[][] weights;
    private float[][] product;
    private LakeSql duck;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        int dModel = shape.equals("small") ? 512 : 768;
        int dFf = 4 * dModel;
        Path config = Files.createTempFile("chronos-bolt-" + shape, ".json");
        Files.writeString(config, config(shape));
        model = ChronosBolt.withRandomWeights(config, 8);
        Files.delete(config);

        Random random = new Random(8);
        series = new double[BATCH][LENGTH];
        for (double[] one : series) {
            double level = 100 * random.nextDouble();
            for (int t = 0; t < LENGTH; t++) {
                level += random.nextGaussian();
                one[t] = level + 5 * Math.sin(2 * Math.PI * t / 24);
            }
        }
        activations = randomMatrix(random, BATCH * TOKENS, dModel);
        weights = randomMatrix(random, dModel, dFf);
        product = new float[BATCH * TOKENS][dFf];

        duck = LakeSql.inMemory();
        duck.execute("SELECT setseed(0.8)");
        duck.execute("CREATE TABLE a AS SELECT i, list_transform(range(" + dModel + "), lambda x: random()::FLOAT)::FLOAT["
                + dModel + "] AS v FROM range(" + DUCKDB_ROWS + ") t(i)");
        duck.execute("CREATE TABLE w AS SELECT j, list_transform(range(" + dModel + "), lambda x: random()::FLOAT)::FLOAT["
                + dModel + "] AS v FROM range(" + dFf + ") t(j)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        duck.close();
    }

    /** Series per second: one call forecasts the whole batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ChronosForecast predictSeries() {
        return model.predict(series, HORIZON);
    }

    /** Multiplies per second of (64 x 33) x d_model by d_model x d_ff, rows split across both cores. */
    @Benchmark
    public float[][] matmulLargestLayer() {
        int rows = activations.length;
        int threads = Runtime.getRuntime().availableProcessors();
        int chunk = (rows + threads - 1) / threads;
        IntStream.range(0, threads).parallel().forEach(part -> {
            int from = part * chunk;
            int to = Math.min(rows, from + chunk);
            float[][] a = java.util.Arrays.copyOfRange(activations, from, to);
            float[][] c = java.util.Arrays.copyOfRange(product, from, to);
            FloatMatmul.multiply(a, to - from, weights, null, c);
        });
        return product;
    }

    /** DuckDB: multiplies per second of one series' 33 x d_model tokens by d_model x d_ff. */
    @Benchmark
    public Object duckdbMatmulOneSeries() {
        return duck.query("SELECT sum(array_inner_product(a.v, w.v)) FROM a, w").rows().get(0)[0];
    }

    private static float[][] randomMatrix(Random random, int rows, int columns) {
        float[][] matrix = new float[rows][columns];
        for (float[] row : matrix) {
            for (int i = 0; i < columns; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return matrix;
    }

    /** The published configs' shapes (amazon/chronos-bolt-small and -base on Hugging Face). */
    static String config(String shape) {
        boolean small = shape.equals("small");
        return """
                {"architectures": ["ChronosBoltModelForForecasting"],
                 "chronos_config": {"context_length": 2048, "input_patch_size": 16, "input_patch_stride": 16,
                   "prediction_length": 64, "quantiles": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
                   "use_reg_token": true},
                 "d_ff": %d, "d_kv": 64, "d_model": %d, "decoder_start_token_id": 0, "dense_act_fn": "relu",
                 "feed_forward_proj": "relu", "is_gated_act": false, "layer_norm_epsilon": 1e-06, "model_type": "t5",
                 "num_decoder_layers": %d, "num_heads": %d, "num_layers": %d,
                 "relative_attention_max_distance": 128, "relative_attention_num_buckets": 32, "vocab_size": 2}
                """.formatted(small ? 2048 : 3072, small ? 512 : 768, small ? 6 : 12, small ? 8 : 12, small ? 6 : 12);
    }
}
