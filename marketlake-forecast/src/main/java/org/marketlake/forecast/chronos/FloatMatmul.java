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
        multiplyRows(a, 0, rows, w, bias, c);
    }

    /** As {@link #multiply}, for rows {@code from} (inclusive) to {@code to} only, so threads can share a product. */
    static void multiplyRows(float[][] a, int from, int to, float[][] w, float[] bias, float[][] c) {
        int k = w.length;
        int n = w[0].length;
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int r = from; r < to; r++) {
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
                int r = from;
                for (; r + 1 < to; r += 2) {
                    accumulateTwoRows(a[r], a[r + 1], i0, i1, w, j0, j1, c[r], c[r + 1]);
                }
                if (r < to) {
                    accumulateRow(a[r], i0, i1, w, j0, j1, c[r]);
                }
            }
        }
    }

    /**
     * Two output rows, four weight rows per pass: each loaded weight value feeds two rows and each output value
     * is loaded and stored once per four products, which is what keeps the SIMD units busy rather than waiting
     * on memory. The products are still added in order of {@code i}, so the result equals the one-at-a-time sum.
     */
    private static void accumulateTwoRows(
            float[] a, float[] b, int i0, int i1, float[][] w, int j0, int j1, float[] c, float[] d) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            float a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            float b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3];
            float[] w0 = w[i], w1 = w[i + 1], w2 = w[i + 2], w3 = w[i + 3];
            for (int j = j0; j < j1; j++) {
                float x0 = w0[j], x1 = w1[j], x2 = w2[j], x3 = w3[j];
                c[j] = Math.fma(a3, x3, Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, c[j]))));
                d[j] = Math.fma(b3, x3, Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, d[j]))));
            }
        }
        for (; i < i1; i++) {
            float a0 = a[i], b0 = b[i];
            float[] w0 = w[i];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(a0, w0[j], c[j]);
                d[j] = Math.fma(b0, w0[j], d[j]);
            }
        }
    }

    private static void accumulateRow(float[] a, int i0, int i1, float[][] w, int j0, int j1, float[] c) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            float a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
            float[] w0 = w[i], w1 = w[i + 1], w2 = w[i + 2], w3 = w[i + 3];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(a3, w3[j], Math.fma(a2, w2[j], Math.fma(a1, w1[j], Math.fma(a0, w0[j], c[j]))));
            }
        }
        for (; i < i1; i++) {
            float a0 = a[i];
            float[] w0 = w[i];
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(a0, w0[j], c[j]);
            }
        }
    }
}
