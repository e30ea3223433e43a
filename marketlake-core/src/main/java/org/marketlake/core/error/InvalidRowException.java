package org.marketlake.core.error;


/**
 * A row the lake refuses, with where it is: {@code [file=..., row=..., column=..., value=...]}. Rows count from 1
 * in the order they were handed to the write. Callers that know the source (a CSV line) may re-word it with
 * {@link #reason()} and the coordinates.
 */
public final class InvalidRowException extends InvalidDataException {
    private final String file;
    private final long row;
    private final String column;
    private final String value;
    private final String reason;

    public InvalidRowException(String file, long row, String column, String value, String reason) {
        super("invalid row [file=" + file + ", row=" + row + ", column=" + column + ", value=" + value + "]: " + reason);
        this.file = file;
        this.row = row;
        this.column = column;
        this.value = value;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based position of the row in the write (or in the file, for {@code validate}). */
    public long row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }
}
