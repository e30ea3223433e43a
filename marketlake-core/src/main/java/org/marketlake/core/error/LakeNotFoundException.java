package org.marketlake.core.error;

/** A lake root that does not exist or holds no lake. */
public class LakeNotFoundException extends InvalidRequestException {
    public LakeNotFoundException(String message) {
        super(message);
    }

    public LakeNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
