package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint stored as bfloat16 or float16 forecasts exactly like the float32 checkpoint holding the same
 * (rounded) values: the shipped dummy checkpoint is rewritten both ways and the forecasts compared bit for bit.
 */
class HalfPrecisionCheckpointTest {
    @TempDir
    Path folder;

    private static final double[][] SERIES = {{10.5, 11, 12.25, Double.NaN, 12, 11.75, 13, 14.5}, {-3, -2.5, -2}};

    @Test
    void bfloat16WeightsForecastLikeTheirFloat32Values() throws IOException {
        compare("BF16", value -> {
            int bits = Float.floatToRawIntBits(value);
            // round to nearest even on the 16 bits kept
            return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
        }, SafeTensors::bfloat16ToFloat);
    }

    @Test
    void float16WeightsForecastLikeTheirFloat32Values() throws IOException {
        compare("F16", Float::floatToFloat16, Float::float16ToFloat);
    }

    private interface Narrow {
        short apply(float value);
    }

    private interface Widen {
        float apply(short bits);
    }

    private void compare(String dtype, Narrow narrow, Widen widen) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = SafeTensors.read(ChronosBoltReferenceTest.CHECKPOINT.resolve("model.safetensors"));
        Path half = Files.createDirectories(folder.resolve("half"));
        Path rounded = Files.createDirectories(folder.resolve("rounded"));
        for (Path dir : new Path[] {half, rounded}) {
            Files.copy(ChronosBoltReferenceTest.CHECKPOINT.resolve("config.json"), dir.resolve("config.json"));
        }
        write(half.resolve("model.safetensors"), tensors, dtype, narrow, widen);
        write(rounded.resolve("model.safetensors"), tensors, "F32", narrow, widen);

        ChronosForecast fromHalf = ChronosBolt.load(half).predict(SERIES, 70);
        ChronosForecast fromRounded = ChronosBolt.load(rounded).predict(SERIES, 70);
        ChronosForecast original = ChronosBolt.load(ChronosBoltReferenceTest.CHECKPOINT).predict(SERIES, 70);

        assertThat(fromHalf.quantiles()).isDeepEqualTo(fromRounded.quantiles());
        assertThat(fromHalf.quantiles()[0][4][0]).as("rounding the weights changes the forecast a little")
                .isNotEqualTo(original.quantiles()[0][4][0])
                .isCloseTo(original.quantiles()[0][4][0], org.assertj.core.data.Percentage.withPercentage(5));
    }

    /** A safetensors file with every tensor in {@code dtype}: half bits, or float32 holding the half values. */
    private static void write(Path file, Map<String, SafeTensors.Tensor> tensors, String dtype, Narrow narrow, Widen widen)
            throws IOException {
        int width = dtype.equals("F32") ? 4 : 2;
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (SafeTensors.Tensor tensor : tensors.values()) {
            long bytes = (long) tensor.data().length * width;
            header.append(header.length() > 1 ? "," : "").append('"').append(tensor.name()).append("\":{\"dtype\":\"")
                    .append(dtype).append("\",\"shape\":").append(java.util.Arrays.toString(tensor.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        byte[] headerBytes = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + headerBytes.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(headerBytes.length).put(headerBytes);
        for (SafeTensors.Tensor tensor : tensors.values()) {
            for (float value : tensor.data()) {
                short bits = narrow.apply(value);
                if (width == 2) {
                    out.putShort(bits);
                } else {
                    out.putFloat(widen.apply(bits));
                }
            }
        }
        Files.write(file, out.array());
    }
}
