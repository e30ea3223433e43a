package org.marketlake.ingest.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the input into {@link InputPart}s: a plain (uncompressed) CSV file larger than one part becomes ranges of
 * about {@code partBytes}, cut at line ends, unless its first 64 KB hold a quote character (quoted fields may
 * hide line ends, so such files are read whole, by FastCSV). Everything else is one part per file.
 */
public final class InputPlan {
    private static final int SNIFF = 1 << 16;

    private InputPlan() {}

    public static List<InputPart> plan(List<Path> files, long partBytes) {
        List<InputPart> parts = new ArrayList<>();
        for (Path file : files) {
            parts.addAll(split(file, partBytes));
        }
        return parts;
    }

    private static List<InputPart> split(Path file, long partBytes) {
        if (InputFormat.of(file) != InputFormat.CSV || InputFormat.compression(file) != InputFormat.Compression.NONE) {
            return List.of(InputPart.whole(file));
        }
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size <= partBytes) {
                return List.of(InputPart.whole(file));
            }
            byte[] head = read(channel, 0, (int) Math.min(SNIFF, size));
            int headerEnd = indexOf(head, 0, (byte) '\n');
            if (headerEnd < 0 || indexOf(head, 0, (byte) '"') >= 0) {
                return List.of(InputPart.whole(file));
            }
            List<String> header = header(head, headerEnd, CsvRanges.separator(file));
            List<InputPart> parts = new ArrayList<>();
            long start = headerEnd + 1;
            while (start < size) {
                long end = start + partBytes >= size ? size : lineEndAfter(channel, start + partBytes, size);
                parts.add(new InputPart(file, start, end, header, parts.isEmpty()));
                start = end;
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The byte after the first line end at or after {@code from}, or {@code size}. */
    private static long lineEndAfter(FileChannel channel, long from, long size) throws IOException {
        long at = from;
        while (at < size) {
            byte[] window = read(channel, at, (int) Math.min(1 << 14, size - at));
            int newline = indexOf(window, 0, (byte) '\n');
            if (newline >= 0) {
                return at + newline + 1;
            }
            at += window.length;
        }
        return size;
    }

    private static List<String> header(byte[] head, int end, byte separator) {
        int from = 0;
        if (end >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            from = 3; // a UTF-8 byte order mark
        }
        int to = end > from && head[end - 1] == '\r' ? end - 1 : end;
        String line = new String(head, from, to - from, StandardCharsets.UTF_8);
        return Arrays.asList(line.split(separator == '\t' ? "\t" : ",", -1));
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Files smaller than this are never split. */
    public static long defaultPartBytes() {
        return 32L << 20;
    }
}
