package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/** Loading checkpoints: what is missing is named, and half-precision weights widen exactly. */
class CheckpointLoadingTest {
    @TempDir
    Path folder;

    @Test
    void anEmptyFolderIsNotACheckpoint() {
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a Chronos-Bolt checkpoint: config.json is missing in " + folder);
    }

    @Test
    void aHuggingFaceCacheFolderUsesItsSnapshot() throws IOException {
        Path snapshot = folder.resolve("models--amazon--chronos-bolt-tiny/snapshots/0123abcd");
        Files.createDirectories(snapshot);
        for (String file : new String[] {"config.json", "model.safetensors"}) {
            Files.copy(ChronosBoltReferenceTest.CHECKPOINT.resolve(file), snapshot.resolve(file));
        }
        ChronosBolt model = ChronosBolt.load(folder.resolve("models--amazon--chronos-bolt-tiny"));
        assertThat(model.predictionLength()).isEqualTo(64);
        assertThat(model.predict(new double[][] {{1, 2, 3}}, 2).mean()[0])
                .containsExactly(ChronosBolt.load(ChronosBoltReferenceTest.CHECKPOINT)
                        .predict(new double[][] {{1, 2, 3}}, 2).mean()[0]);
    }

    @Test
    void aMissingWeightsFileIsNamed() throws IOException {
        Files.copy(ChronosBoltReferenceTest.CHECKPOINT.resolve("config.json"), folder.resolve("config.json"));
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("model.safetensors is missing");
    }

    @Test
    void aPlainT5ConfigIsRefused() throws IOException {
        Files.writeString(folder.resolve("config.json"), "{\"d_model\": 8, \"model_type\": \"t5\"}");
        Files.write(folder.resolve("model.safetensors"), new byte[0]);
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("config.json has no chronos_config")
                .hasMessageContaining(folder.resolve("config.json").toString());
    }

    @Test
    void anOriginalChronosCheckpointIsNamedAsSuch() throws IOException {
        Files.writeString(folder.resolve("config.json"), "{\"architectures\": [\"T5ForConditionalGeneration\"],"
                + " \"chronos_config\": {\"tokenizer_class\": \"MeanScaleUniformBins\", \"context_length\": 512}}");
        Files.write(folder.resolve("model.safetensors"), new byte[0]);
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("not a Chronos-Bolt checkpoint: config.json describes an original Chronos model"
                        + " (tokenizer MeanScaleUniformBins); use amazon/chronos-bolt-*");
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        Files.copy(ChronosBoltReferenceTest.CHECKPOINT.resolve("config.json"), folder.resolve("config.json"));
        writeSafetensors(folder.resolve("model.safetensors"), "shared.weight", "F32", new int[] {2, 8}, new byte[64]);
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tensor input_patch_embedding.hidden_layer.weight is missing");
    }

    @Test
    void aTruncatedWeightsFileIsADataError() throws IOException {
        byte[] whole = Files.readAllBytes(ChronosBoltReferenceTest.CHECKPOINT.resolve("model.safetensors"));
        Files.copy(ChronosBoltReferenceTest.CHECKPOINT.resolve("config.json"), folder.resolve("config.json"));
        Files.write(folder.resolve("model.safetensors"), java.util.Arrays.copyOf(whole, whole.length - 100));
        assertThatThrownBy(() -> ChronosBolt.load(folder))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("Malformed safetensors file. tensor ")
                .hasMessageContaining("does not match its byte range");
    }

    @Test
    void bfloat16AndFloat16WidenExactly() throws IOException {
        // 1.0, -2.5, 0.15625 and the smallest float16 subnormal (2^-24), in both half formats
        short[] bf16 = {(short) 0x3F80, (short) 0xC020, (short) 0x3E20, (short) 0x3380};
        short[] f16 = {(short) 0x3C00, (short) 0xC100, (short) 0x3100, (short) 0x0001};
        Path file = folder.resolve("half.safetensors");
        String header = "{\"a\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[8,16]},\"__metadata__\":{\"format\":\"pt\"}}";
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (short bits : bf16) {
            data.putShort(bits);
        }
        for (short bits : f16) {
            data.putShort(bits);
        }
        write(file, header, data.array());

        Map<String, SafeTensors.Tensor> tensors = SafeTensors.read(file);

        float smallest = (float) Math.pow(2, -24);
        assertThat(tensors.get("a").shape()).containsExactly(2, 2);
        assertThat(tensors.get("a").data()).containsExactly(1.0f, -2.5f, 0.15625f, Float.intBitsToFloat(0x33800000));
        assertThat(Float.intBitsToFloat(0x33800000)).isEqualTo(smallest * 1f);
        assertThat(tensors.get("b").data()).containsExactly(1.0f, -2.5f, 0.15625f, smallest);
    }

    @Test
    void anUnsupportedDtypeIsNamed() throws IOException {
        Path file = folder.resolve("int.safetensors");
        writeSafetensors(file, "counts", "I64", new int[] {1}, new byte[8]);
        assertThatThrownBy(() -> SafeTensors.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("Malformed safetensors file. tensor counts has dtype I64; supported: F32, BF16, F16 [file="
                        + file + "]");
    }

    @Test
    void randomWeightsFollowTheConfigShapes() {
        ChronosBolt model = ChronosBolt.withRandomWeights(ChronosBoltReferenceTest.CHECKPOINT.resolve("config.json"), 7);
        ChronosForecast forecast = model.predict(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}}, 70);
        assertThat(forecast.quantiles()[0]).hasNumberOfRows(9);
        assertThat(forecast.quantiles()[0][0]).hasSize(70);
        assertThat(java.util.Arrays.stream(forecast.quantiles()[0][0]).allMatch(Double::isFinite)).isTrue();
        assertThat(forecast.mean()[0]).containsExactly(forecast.quantiles()[0][4]);
    }

    @Test
    void refusesWhatItCannotForecast() {
        ChronosBolt model = ChronosBolt.load(ChronosBoltReferenceTest.CHECKPOINT);
        assertThatThrownBy(() -> model.predict(new double[][] {{1, Double.POSITIVE_INFINITY}}, 4))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("value out of float32 range [series=0, index=1, value=Infinity]; use NaN for a missing value");
        assertThatThrownBy(() -> model.predict(new double[][] {{1, 2}}, 0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("prediction length must be at least 1, got 0");
        assertThatThrownBy(() -> model.predict(new double[][] {{}, {}}, 3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("nothing to forecast: every series is empty");
    }

    @Test
    void anAllMissingSeriesForecastsAroundZero() {
        // upstream: no observed value gives loc 0 and scale 1, and only [REG] is attended
        ChronosBolt model = ChronosBolt.load(ChronosBoltReferenceTest.CHECKPOINT);
        ChronosForecast forecast = model.predict(new double[][] {{Double.NaN, Double.NaN}, {5, 6, 7}}, 2);
        assertThat(java.util.Arrays.stream(forecast.quantiles()[0]).flatMapToDouble(java.util.Arrays::stream)
                .allMatch(value -> Double.isFinite(value) && Math.abs(value) < 10)).isTrue();
    }

    private static void writeSafetensors(Path file, String name, String dtype, int[] shape, byte[] bytes) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int dimension : shape) {
            dims.append(dims.isEmpty() ? "" : ",").append(dimension);
        }
        write(file, "{\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + dims + "],\"data_offsets\":[0,"
                + bytes.length + "]}}", bytes);
    }

    private static void write(Path file, String header, byte[] data) throws IOException {
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + headerBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(headerBytes.length).put(headerBytes).put(data);
        Files.write(file, buffer.array());
    }
}
