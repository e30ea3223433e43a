package org.marketlake.core.error;

/** A lake file that cannot be read, fails its checksums, or whose content disagrees with its name. */
public class CorruptFileException extends InvalidDataException {
    public CorruptFileException(String message) {
        super(message);
    }

    public CorruptFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
