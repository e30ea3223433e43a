package org.marketlake.loader.state;

/** Where a file stands against the idempotency state. */
public enum FileState {
    /** Not in the state, or recorded with a status other than completed. */
    NEW,
    /** Recorded as completed and its checksum still matches. */
    PROCESSED,
    /** Recorded as completed but its bytes changed since: it is processed again. */
    CHANGED
}
