package org.marketlake.core.error;

/** A file whose name does not follow the layout it is found in (design 000's InvalidFilenameError). */
public class InvalidFileNameException extends InvalidDataException {
    public InvalidFileNameException(String message) {
        super(message);
    }

    public InvalidFileNameException(String message, Throwable cause) {
        super(message, cause);
    }
}
