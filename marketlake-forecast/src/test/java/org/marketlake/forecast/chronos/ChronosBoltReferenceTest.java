package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The port against {@code shared/chronos/vectors.json}: what upstream's {@code ChronosBoltPipeline.predict}
 * (v2.3.0, float64) returns for the shipped dummy checkpoint. Every element of every case must lie within the
 * file's float32 tolerance, {@code |actual - expected| <= 1e-5 + 1e-5 * |expected|}.
 */
class ChronosBoltReferenceTest {
    static final Path SHARED = Path.of(System.getProperty("marketlake.shared", "../shared"));
    static final Path CHECKPOINT = SHARED.resolve("chronos/dummy-chronos-bolt-model");
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-5;

    private static JsonNode vectors;
    private static ChronosBolt model;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ObjectMapper().readTree(SHARED.resolve("chronos/vectors.json").toFile());
        model = ChronosBolt.load(CHECKPOINT);
    }

    static Stream<String> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SHARED.resolve("chronos/vectors.json").toFile());
        List<String> names = new ArrayList<>();
        root.path("cases").forEach(c -> names.add(c.path("name").asText()));
        return names.stream();
    }

    @Test
    void readsTheCheckpointSettings() {
        assertThat(model.contextLength()).isEqualTo(512);
        assertThat(model.predictionLength()).isEqualTo(64);
        assertThat(model.quantileLevels()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesReferenceCase(String name) {
        JsonNode reference = find(name);
        double[][] inputs = series(reference.path("inputs"));
        int horizon = reference.path("prediction_length").asInt();

        ChronosForecast forecast = model.predict(inputs, horizon);

        JsonNode expectedQuantiles = reference.path("expected_quantiles");
        JsonNode expectedMean = reference.path("expected_mean");
        assertThat(forecast.quantiles()).hasNumberOfRows(inputs.length);
        List<String> misses = new ArrayList<>();
        int checked = 0;
        for (int s = 0; s < inputs.length; s++) {
            assertThat(forecast.quantiles()[s]).hasNumberOfRows(9);
            for (int q = 0; q < 9; q++) {
                assertThat(forecast.quantiles()[s][q]).hasSize(horizon);
                for (int t = 0; t < horizon; t++) {
                    checked += check(misses, "quantiles[" + s + "][" + q + "][" + t + "]",
                            forecast.quantiles()[s][q][t], expectedQuantiles.get(s).get(q).get(t).asDouble());
                }
            }
            for (int t = 0; t < horizon; t++) {
                checked += check(misses, "mean[" + s + "][" + t + "]",
                        forecast.mean()[s][t], expectedMean.get(s).get(t).asDouble());
            }
        }
        assertThat(checked).isEqualTo(inputs.length * horizon * 10);
        assertThat(misses).as("elements outside tolerance in " + name).isEmpty();
    }

    @Test
    void relativePositionBucketsMatchTheReferenceTable() {
        JsonNode table = vectors.path("relative_position_bucket_table");
        JsonNode positions = table.path("relative_positions");
        for (int i = 0; i < positions.size(); i++) {
            int position = positions.get(i).asInt();
            assertThat(RelativePositions.bucket(position, true, 32, 128))
                    .as("encoder bucket of %d", position)
                    .isEqualTo(table.path("encoder_bidirectional").get(i).asInt());
            assertThat(RelativePositions.bucket(position, false, 32, 128))
                    .as("decoder bucket of %d", position)
                    .isEqualTo(table.path("decoder_unidirectional").get(i).asInt());
        }
    }

    private static int check(List<String> misses, String where, double actual, double expected) {
        if (!(Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected))) {
            if (misses.size() < 20) {
                misses.add(where + ": expected " + expected + " but was " + actual);
            }
        }
        return 1;
    }

    private static JsonNode find(String name) {
        for (JsonNode c : vectors.path("cases")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + name);
    }

    static double[][] series(JsonNode inputs) {
        double[][] result = new double[inputs.size()][];
        for (int s = 0; s < result.length; s++) {
            JsonNode values = inputs.get(s);
            result[s] = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                result[s][i] = values.get(i).isNull() ? Double.NaN : values.get(i).asDouble();
            }
        }
        return result;
    }
}
