package org.marketlake.core.store;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD for Parquet pages straight through zstd-jni, at the lake's level 3. Parquet-java's own codec
 * factory goes through Hadoop's codec streams and configuration; this is the same compression with
 * neither, and lake files only ever use ZSTD (or no compression, which parquet-java handles itself).
 */
final class ZstdCodecs implements CompressionCodecFactory {
    static final int LEVEL = 3;
    static final ZstdCodecs INSTANCE = new ZstdCodecs();

    private ZstdCodecs() {}

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("lake files are written with ZSTD, not " + codecName);
        }
        return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return switch (codecName) {
            case ZSTD -> DECOMPRESSOR;
            case UNCOMPRESSED -> PASS_THROUGH;
            default -> throw new UnsupportedCodec(codecName);
        };
    }

    @Override
    public void release() {}

    /** A page compressed with a codec the lake never writes. */
    static final class UnsupportedCodec extends RuntimeException {
        UnsupportedCodec(CompressionCodecName codecName) {
            super("page compressed with " + codecName + ", lake files use ZSTD");
        }
    }

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {}
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            long written = Zstd.decompress(out, bytes.toByteArray());
            if (Zstd.isError(written) || written != uncompressedSize) {
                throw new IOException("corrupt ZSTD page: " + (Zstd.isError(written) ? Zstd.getErrorName(written) : written + " of " + uncompressedSize + " bytes"));
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            byte[] out = new byte[uncompressedSize];
            long written = Zstd.decompress(out, in);
            if (Zstd.isError(written)) {
                throw new IOException("corrupt ZSTD page: " + Zstd.getErrorName(written));
            }
            output.put(out);
        }

        @Override
        public void release() {}
    };

    private static final BytesInputDecompressor PASS_THROUGH = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer slice = input.slice();
            slice.limit(compressedSize);
            output.put(slice);
        }

        @Override
        public void release() {}
    };
}
