package org.marketlake.core.coverage;

import java.util.Optional;

/** Follows runs of missing expected bars, in order, and keeps the longest (the first of equal length). */
final class GapTracker {
    private CoverageReport.Gap longest;
    private long runStart;
    private long runLast;
    private long runBars;

    /** {@code bars} consecutive missing bars, the first stamped {@code first}, the last {@code last}. */
    void missing(long first, long last, long bars) {
        if (bars <= 0) {
            return;
        }
        if (runBars == 0) {
            runStart = first;
        }
        runLast = last;
        runBars += bars;
    }

    /** A present bar: the run, if any, ends. */
    void present() {
        if (runBars > 0 && (longest == null || runBars > longest.bars())) {
            longest = new CoverageReport.Gap(runStart, runLast, runBars);
        }
        runBars = 0;
    }

    Optional<CoverageReport.Gap> longest() {
        present();
        return Optional.ofNullable(longest);
    }
}
