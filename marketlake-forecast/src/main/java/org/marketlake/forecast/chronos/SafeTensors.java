package org.marketlake.forecast.chronos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketlake.core.error.InvalidDataException;

/**
 * Reads a {@code .safetensors} file: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data. Every tensor comes back as float32; bfloat16 and
 * float16 weights are widened on load (both convert exactly), so the forward pass has one number type.
 */
final class SafeTensors {
    /** Refuse absurd headers before allocating for them; real checkpoints have headers of a few hundred KB. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafeTensors() {}

    /** One tensor, row-major, widened to float32. */
    record Tensor(String name, int[] shape, float[] data) {
        Tensor {
            long size = 1;
            for (int dimension : shape) {
                size *= dimension;
            }
            if (size != data.length) {
                throw new IllegalArgumentException(
                        "tensor " + name + " has " + data.length + " values but shape needs " + size);
            }
        }
    }

    static Map<String, Tensor> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
                throw malformed(file, "header length " + headerLength + " does not fit a file of " + fileSize + " bytes");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8, file);
            JsonNode header = new ObjectMapper().readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals("__metadata__")) {
                    continue;
                }
                tensors.put(entry.getKey(), readTensor(channel, file, entry.getKey(), entry.getValue(), dataStart, fileSize));
            }
            return tensors;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read safetensors file [file=" + file + "]: " + e.getMessage(), e);
        }
    }

    private static Tensor readTensor(
            FileChannel channel, Path file, String name, JsonNode entry, long dataStart, long fileSize) throws IOException {
        String dtype = entry.path("dtype").asText("");
        JsonNode shapeNode = entry.path("shape");
        JsonNode offsets = entry.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw malformed(file, "tensor " + name + " lacks shape or data_offsets");
        }
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            count *= shape[i];
        }
        int width = switch (dtype) {
            case "F32" -> 4;
            case "BF16", "F16" -> 2;
            default -> throw malformed(file, "tensor " + name + " has dtype " + dtype + "; supported: F32, BF16, F16");
        };
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end - begin != count * width || dataStart + end > fileSize || count > Integer.MAX_VALUE) {
            throw malformed(file, "tensor " + name + " with dtype " + dtype + " and shape " + shapeNode
                    + " does not match its byte range [" + begin + ", " + end + ")");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, bytes, dataStart + begin, file);
        bytes.flip();
        float[] data = new float[(int) count];
        switch (dtype) {
            case "F32" -> bytes.asFloatBuffer().get(data);
            case "BF16" -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = bfloat16ToFloat(bytes.getShort());
                }
            }
            default -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = Float.float16ToFloat(bytes.getShort());
                }
            }
        }
        return new Tensor(name, shape, data);
    }

    /** bfloat16 is the top half of a float32, so widening is a shift. */
    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position, Path file) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                throw malformed(file, "file ends at byte " + at + " before the data it announces");
            }
            at += read;
        }
    }

    private static InvalidDataException malformed(Path file, String what) {
        return new InvalidDataException("Malformed safetensors file. " + what + " [file=" + file + "]");
    }
}
