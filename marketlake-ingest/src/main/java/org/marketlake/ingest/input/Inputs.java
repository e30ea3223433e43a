package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.marketlake.core.error.InvalidDataException;

/** Reads one input file of any supported format into a {@link RowSink}. */
public final class Inputs {
    private Inputs() {}

    /**
     * Reads {@code file} (format from its name, see {@link InputFormat}) and delivers its rows, in file order.
     *
     * @throws org.marketlake.core.error.InvalidRequestException for timestamps the flags do not cover (no offset, no epoch unit)
     * @throws InvalidDataException for a file that cannot be read or lacks a required column
     */
    public static void read(Path file, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps, RowSink sink) {
        read(InputPart.whole(file), layout, mapping, timestamps, sink);
    }

    /**
     * Reads one part. Whole files number their lines from 1 (the header); a range numbers its own lines from 1,
     * and the caller adds the lines of the ranges before it (and the header).
     *
     * @return the number of lines in a range; 0 for a whole file
     */
    public static long read(InputPart part, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps, RowSink sink) {
        Path file = part.file();
        if (part.isRange()) {
            try {
                return CsvRanges.read(part, layout, mapping, timestamps, sink);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        InputFormat format = InputFormat.of(file);
        if (format == InputFormat.PARQUET) {
            ParquetInput.read(file, layout, mapping, timestamps, sink);
            return 0;
        }
        try (InputStream bytes = InputFormat.open(file)) {
            switch (format) {
                case CSV -> CsvInput.read(file, bytes, layout, mapping, timestamps, sink);
                case JSON_LINES -> JsonLinesInput.read(file, bytes, layout, mapping, timestamps, sink);
                case PARQUET -> throw new IllegalStateException("handled above");
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (java.io.UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        }
        return 0;
    }

    /** A file whose bytes end early or do not decompress is named, in one line; other read failures too. */
    static InvalidDataException unreadable(Path file, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException
                || e.getClass().getName().startsWith("com.github.luben.zstd")) {
            return new InvalidDataException("input file is truncated or corrupt [file=" + file + "]: " + message, e);
        }
        return new InvalidDataException("cannot read [file=" + file + "]: " + message, e);
    }
}
