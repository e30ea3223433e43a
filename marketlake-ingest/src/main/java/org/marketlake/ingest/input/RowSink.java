package org.marketlake.ingest.input;

/**
 * Where a reader delivers the rows of one file, in file order. The {@code numbers} array is reused between
 * calls: read it, do not keep it.
 */
public interface RowSink {
    /**
     * @param timestampMicros the row's instant
     * @param numbers one value per {@link RecordLayout#numbers()} field; NaN for an absent optional one
     * @param text the layout's text field, or null
     * @param line the row's line (CSV, JSON lines) or row number (Parquet), counting from 1
     */
    void accept(long timestampMicros, double[] numbers, String text, long line);

    /** A row the reader could not turn into values. */
    void reject(Reason reason, long line, String detail);
}
