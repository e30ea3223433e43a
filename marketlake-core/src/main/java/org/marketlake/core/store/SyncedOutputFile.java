package org.marketlake.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A new local file for parquet-java that is forced to disk before it is closed, so that the rename which
 * publishes it can never expose a file whose bytes are still only in the page cache.
 */
final class SyncedOutputFile implements OutputFile {
    private final Path path;

    SyncedOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new PositionOutputStream() {
            private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            private long position;
            private boolean closed;

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void write(int b) throws IOException {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                buffer.put((byte) b);
                position++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > buffer.remaining()) {
                    drain();
                    if (length > buffer.capacity()) {
                        ByteBuffer whole = ByteBuffer.wrap(bytes, offset, length);
                        while (whole.hasRemaining()) {
                            channel.write(whole);
                        }
                        position += length;
                        return;
                    }
                }
                buffer.put(bytes, offset, length);
                position += length;
            }

            private void drain() throws IOException {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                buffer.clear();
            }

            @Override
            public void flush() throws IOException {
                drain();
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try (channel) {
                    drain();
                    channel.force(true);
                }
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        throw new IOException("lake files are written once to a new temporary file: " + path);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }
}
