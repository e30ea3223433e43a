package org.marketlake.forecast.chronos;

/**
 * The float32 matrix multiply the Chronos-Bolt forward pass spends its time in, public so the benchmark can
 * measure it on its own. Written as row updates {@code c[r][j0..j1] += a[r][i] * w[i][j0..j1]} because HotSpot
 * turns that loop into SIMD fused multiply-adds, which it does not do for dot products (their float sums would
 * have to be reordered). The weight matrix is blocked so a tile of it stays in cache while every row passes over it.
 */
public final class FloatMatmul {
    /** Columns per tile: one tile row of C (2 KB) and a few of W stay in L1. */
    private static final int COLUMN_BLOCK = 512;
    /** Inner-dimension rows per tile: a 128 x 512 tile of W is 256 KB, the size of a typical L2 slice. */
    private static final int DEPTH_BLOCK = 128;

    private FloatMatmul() {}

    /**
     * {@code c[r][j] = bias[j] + sum_i a[r][i] * w[i][j]} for {@code r < rows} and {@code j < w[0].length}:
     * {@code w} is a linear layer's weight transposed (in x out), {@code bias} may be null. Rows are separate arrays
     * because HotSpot vectorizes {@code c[j] += s * w[j]} only when both sides use the same index.
     */
    public static void multiply(float[][] a, int rows, float[][] w, float[] bias, float[][] c) {
        int k = w.length;
        int n = w[0].length;
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int r = 0; r < rows; r++) {
                float[] row = c[r];
                if (bias == null) {
                    for (int j = j0; j < j1; j++) {
                        row[j] = 0f;
                    }
                } else {
                    for (int j = j0; j < j1; j++) {
                        row[j] = bias[j];
                    }
                }
            }
            for (int i0 = 0; i0 < k; i0 += DEPTH_BLOCK) {
                int i1 = Math.min(k, i0 + DEPTH_BLOCK);
                for (int r = 0; r < rows; r++) {
                    accumulateRow(a[r], i0, i1, w, j0, j1, c[r]);
                }
            }
        }
    }

    private static void accumulateRow(float[] a, int i0, int i1, float[][] w, int j0, int j1, float[] c) {
        for (int i = i0; i < i1; i++) {
            float scale = a[i];
            if (scale == 0f) {
                continue; // relu zeros and masked patches: nothing to add
            }
            float[] wRow = w[i];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(scale, wRow[j], c[j]);
            }
        }
    }
}
