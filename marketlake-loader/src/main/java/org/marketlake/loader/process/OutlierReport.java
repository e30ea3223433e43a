package org.marketlake.loader.process;

/**
 * Outliers of one column: the fences used (for isolation forest, the range of the inliers) and how many values
 * fell outside; under {@code clip} they were set to the nearer fence, under {@code drop} their rows removed.
 */
public record OutlierReport(String column, String method, double lower, double upper, int outliers) {}
