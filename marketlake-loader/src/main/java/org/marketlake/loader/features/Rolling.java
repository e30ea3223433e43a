package org.marketlake.loader.features;

import java.util.ArrayDeque;

/**
 * Trailing-window statistics: the value at row i covers rows i-w+1..i, so it uses nothing after i. A window
 * that is not yet full, or that holds a null (NaN), gives NaN, as pandas' {@code rolling(w)} does.
 */
public final class Rolling {
    private Rolling() {}

    public static double[] lag(double[] values, int k) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = i >= k ? values[i - k] : Double.NaN;
        }
        return out;
    }

    public static double[] diff(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = i >= 1 ? values[i] - values[i - 1] : Double.NaN;
        }
        return out;
    }

    /** Rolling mean; sums are kept relative to the first value so prices near 1.3 keep their small differences. */
    public static double[] mean(double[] values, int w) {
        return moments(values, w, false);
    }

    /** Rolling sample standard deviation (ddof = 1, pandas' default). */
    public static double[] std(double[] values, int w) {
        return moments(values, w, true);
    }

    private static double[] moments(double[] values, int w, boolean std) {
        double[] out = new double[values.length];
        double shift = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                shift = value;
                break;
            }
        }
        double sum = 0;
        double squares = 0;
        int nulls = 0;
        for (int i = 0; i < values.length; i++) {
            double in = values[i];
            if (Double.isNaN(in)) {
                nulls++;
            } else {
                sum += in - shift;
                squares += (in - shift) * (in - shift);
            }
            if (i >= w) {
                double gone = values[i - w];
                if (Double.isNaN(gone)) {
                    nulls--;
                } else {
                    sum -= gone - shift;
                    squares -= (gone - shift) * (gone - shift);
                }
            }
            if (i < w - 1 || nulls > 0) {
                out[i] = Double.NaN;
            } else if (std) {
                out[i] = Math.sqrt(Math.max(0, (squares - sum * sum / w) / (w - 1)));
            } else {
                out[i] = shift + sum / w;
            }
        }
        return out;
    }

    public static double[] min(double[] values, int w) {
        return extreme(values, w, true);
    }

    public static double[] max(double[] values, int w) {
        return extreme(values, w, false);
    }

    /** Monotonic deque: each row enters and leaves once. */
    private static double[] extreme(double[] values, int w, boolean min) {
        double[] out = new double[values.length];
        ArrayDeque<Integer> window = new ArrayDeque<>();
        int lastNull = -1;
        for (int i = 0; i < values.length; i++) {
            double in = values[i];
            if (Double.isNaN(in)) {
                lastNull = i;
            } else {
                while (!window.isEmpty() && (min ? values[window.peekLast()] >= in : values[window.peekLast()] <= in)) {
                    window.pollLast();
                }
                window.addLast(i);
            }
            while (!window.isEmpty() && window.peekFirst() <= i - w) {
                window.pollFirst();
            }
            out[i] = i < w - 1 || lastNull > i - w ? Double.NaN : values[window.peekFirst()];
        }
        return out;
    }

    /** Rolling Pearson correlation of two columns; NaN where either is constant in the window. */
    public static double[] corr(double[] a, double[] b, int w) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (i < w - 1) {
                out[i] = Double.NaN;
                continue;
            }
            double meanA = 0;
            double meanB = 0;
            boolean hasNull = false;
            for (int j = i - w + 1; j <= i; j++) {
                hasNull |= Double.isNaN(a[j]) || Double.isNaN(b[j]);
                meanA += a[j];
                meanB += b[j];
            }
            if (hasNull) {
                out[i] = Double.NaN;
                continue;
            }
            meanA /= w;
            meanB /= w;
            double covariance = 0;
            double varianceA = 0;
            double varianceB = 0;
            for (int j = i - w + 1; j <= i; j++) {
                covariance += (a[j] - meanA) * (b[j] - meanB);
                varianceA += (a[j] - meanA) * (a[j] - meanA);
                varianceB += (b[j] - meanB) * (b[j] - meanB);
            }
            out[i] = varianceA == 0 || varianceB == 0 ? Double.NaN : covariance / Math.sqrt(varianceA * varianceB);
        }
        return out;
    }

    /** log(v[i] / v[i-1]). */
    public static double[] logReturns(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = i >= 1 && values[i] > 0 && values[i - 1] > 0 ? Math.log(values[i] / values[i - 1]) : Double.NaN;
        }
        return out;
    }
}
