package org.marketlake.loader;

import org.marketlake.core.MarketLakeException;

/**
 * Root of the loader's exceptions, the hierarchy of design 000 section 6.1. Unchecked, like every
 * {@link MarketLakeException}, so the command line maps each to its exit code in one place. Messages name the
 * file, key and value involved.
 */
public abstract sealed class ParquetLoaderError extends MarketLakeException
        permits ConfigError, DataNotFoundError, InvalidFilenameError, DataQualityError, IncompleteContextError,
                SchemaValidationError {
    protected ParquetLoaderError(String message) {
        super(message);
    }

    protected ParquetLoaderError(String message, Throwable cause) {
        super(message, cause);
    }
}
