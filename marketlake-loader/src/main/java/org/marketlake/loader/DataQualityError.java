package org.marketlake.loader;

/** Data that fails a quality rule the caller asked to enforce (<code>--fail-on-quality</code>). Exit code 1. */
public final class DataQualityError extends ParquetLoaderError {
    public DataQualityError(String message) {
        super(message);
    }

    public DataQualityError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
