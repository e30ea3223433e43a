package org.marketlake.core.error;

/** A configuration file that is malformed, has unknown keys or values of the wrong type (design 000's ConfigError). */
public class InvalidConfigException extends InvalidRequestException {
    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
