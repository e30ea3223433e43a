package org.marketlake.core.progress;

/**
 * Where long work reports how far it got. The library only calls it; the command line decides whether
 * anything is shown (stderr, only on a terminal, never with --quiet). Implementations throttle themselves.
 */
public interface Progress {
    Progress NONE = (stage, done, total, detail) -> {};

    /**
     * @param stage what is being done ("ingest", "export")
     * @param done units done so far (rows, pages, files)
     * @param total units expected, or -1 when unknown
     * @param detail a short free text: current file, symbol and month...
     */
    void update(String stage, long done, long total, String detail);

    /** The work is over; a terminal reporter clears its line. */
    default void finish() {}
}
