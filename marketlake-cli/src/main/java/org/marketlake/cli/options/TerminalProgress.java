package org.marketlake.cli.options;

import java.io.PrintWriter;
import org.marketlake.core.progress.Progress;

/** One self-overwriting line on stderr, at most a few times a second, starting after ~2 s of work. */
final class TerminalProgress implements Progress {
    private static final long START_AFTER_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastShown;
    private boolean shown;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String stage, long done, long total, String detail) {
        long now = System.nanoTime();
        if (now - started < START_AFTER_NANOS || now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - started) / 1e9;
        String amount = total > 0 ? String.format("%,d/%,d", done, total) : String.format("%,d", done);
        String line = String.format("%s: %s (%,.0f/s) %s", stage, amount, done / seconds, detail == null ? "" : detail);
        err.print("\r" + (line.length() > 120 ? line.substring(0, 120) : line) + "\u001b[K");
        err.flush();
        shown = true;
    }

    @Override
    public void finish() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
