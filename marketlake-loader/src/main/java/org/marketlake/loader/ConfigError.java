package org.marketlake.loader;

/** The configuration cannot be used: a missing file or key, an unknown key, a value of the wrong type or outside its set. The message names the key's dotted path. Exit code 2. */
public final class ConfigError extends ParquetLoaderError {
    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
