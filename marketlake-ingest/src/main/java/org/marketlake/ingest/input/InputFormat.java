package org.marketlake.ingest.input;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.marketlake.core.error.InvalidRequestException;

/** What a file holds, from its name: {@code .csv}, {@code .jsonl}, {@code .parquet}, each text one maybe {@code .gz} or {@code .zst}. */
enum InputFormat {
    CSV,
    JSON_LINES,
    PARQUET;

    /** How a text file's bytes are compressed, from its last extension. */
    public enum Compression {
        NONE,
        GZIP,
        ZSTD
    }

    public static InputFormat of(Path file) {
        String name = baseName(file);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            if (compression(file) != Compression.NONE) {
                throw new InvalidRequestException("compressed Parquet [file=" + file + "]: Parquet compresses its own pages; decompress the file first");
            }
            return PARQUET;
        }
        throw new InvalidRequestException("unknown input format [file=" + file
                + "]: name it .csv, .jsonl or .parquet (text ones may end in .gz or .zst)");
    }

    /** True for names the format detection knows, so folders and globs pick only data files. */
    public static boolean recognised(Path file) {
        try {
            of(file);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    public static Compression compression(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".gzip")) {
            return Compression.GZIP;
        }
        if (name.endsWith(".zst") || name.endsWith(".zstd")) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** The file's decompressed bytes, buffered, without a leading UTF-8 byte order mark. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return withoutByteOrderMark(switch (compression(file)) {
                case NONE -> new BufferedInputStream(raw, 1 << 16);
                case GZIP -> new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
                case ZSTD -> new BufferedInputStream(new ZstdInputStream(new BufferedInputStream(raw, 1 << 16)), 1 << 16);
            });
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream withoutByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) {
            in.reset();
        }
        return in;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".gz", ".gzip", ".zst", ".zstd"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
