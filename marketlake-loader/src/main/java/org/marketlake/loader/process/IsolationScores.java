package org.marketlake.loader.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketlake.loader.config.LoaderConfig;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

/**
 * Isolation forest over one column with Smile's trees. Smile's own {@code IsolationForest.fit} grows trees on a
 * parallel stream whose threads draw from unseeded per-thread generators, so results would change from run to
 * run; here each tree's sample comes from a seeded {@link Random} and the trees grow one after another on this
 * thread after seeding Smile's generator, so the same data and seed always flag the same rows. Smile's shared
 * Gaussian also caches the second value of each Box-Muller pair across calls; that cache is cleared before the
 * trees grow, or a second run would start half a pair later.
 */
final class IsolationScores {
    private static final int SAMPLE = 256;

    private IsolationScores() {}

    private static void clearGaussianCache() {
        try {
            java.lang.reflect.Field cached = GaussianDistribution.class.getDeclaredField("z1");
            cached.setAccessible(true);
            cached.setDouble(GaussianDistribution.getInstance(), Double.NaN);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Smile version hides its Gaussian cache; isolation forest results would not repeat", e);
        }
    }

    /** Flags outliers in {@code flagged}; returns the range of the inliers as the clipping fences. */
    static double[] flag(double[] values, LoaderConfig.Processing settings, boolean[] flagged) {
        List<double[]> points = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < values.length; row++) {
            if (!Double.isNaN(values[row])) {
                points.add(new double[] {values[row]});
                rows.add(row);
            }
        }
        if (points.size() < 2) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        IsolationForest forest = forest(points, settings);
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            double[] point = points.get(i);
            if (forest.score(point) > settings.isolationScoreThreshold()) {
                flagged[rows.get(i)] = true;
            } else {
                lower = Math.min(lower, point[0]);
                upper = Math.max(upper, point[0]);
            }
        }
        return lower <= upper ? new double[] {lower, upper} : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    /** A seeded forest over {@code points}: the same points and seed always give the same trees. */
    private static IsolationForest forest(List<double[]> points, LoaderConfig.Processing settings) {
        int sample = Math.min(SAMPLE, points.size());
        int depth = (int) Math.ceil(Math.log(sample) / Math.log(2));
        Random random = new Random(settings.randomSeed());
        IsolationTree[] trees = new IsolationTree[settings.isolationTrees()];
        synchronized (IsolationScores.class) {
            MathEx.setSeed(settings.randomSeed());
            clearGaussianCache();
            for (int t = 0; t < trees.length; t++) {
                List<double[]> drawn = new ArrayList<>(sample);
                for (int i = 0; i < sample; i++) {
                    drawn.add(points.get(random.nextInt(points.size())));
                }
                trees[t] = new IsolationTree(drawn, depth, 0);
            }
        }
        return new IsolationForest(sample, 0, trees);
    }

    /**
     * The causal form ({@link OutlierDetector#causal}): row i is scored by a forest fitted on the non-null values
     * of the first 2^k rows, the largest such count not above i + 1; rows from {@code fitRows} on by a forest
     * of the first {@code fitRows} rows. Fences are the range of the forest's own fit values it does not flag.
     */
    static void expanding(double[] values, LoaderConfig.Processing settings, int fitRows, boolean[] flagged,
            double[] lower, double[] upper) {
        int checkpoint = 0;
        IsolationForest forest = null;
        double[] fences = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        List<double[]> points = new ArrayList<>();
        int added = 0;
        for (int row = 0; row < values.length; row++) {
            // Rows after the fit part are scored by the forest of the whole fit part; a row inside it by the
            // forest of the largest power of two of rows at or before it (never by one that depends on the part's size).
            int next = row >= fitRows ? fitRows : Integer.highestOneBit(row + 1);
            if (next > checkpoint) {
                checkpoint = next;
                for (; added < checkpoint; added++) {
                    if (!Double.isNaN(values[added])) {
                        points.add(new double[] {values[added]});
                    }
                }
                if (points.size() >= OutlierDetector.MIN_FIT_VALUES) {
                    forest = forest(points, settings);
                    double low = Double.POSITIVE_INFINITY;
                    double high = Double.NEGATIVE_INFINITY;
                    for (double[] point : points) {
                        if (forest.score(point) <= settings.isolationScoreThreshold()) {
                            low = Math.min(low, point[0]);
                            high = Math.max(high, point[0]);
                        }
                    }
                    fences = low <= high ? new double[] {low, high} : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                }
            }
            lower[row] = fences[0];
            upper[row] = fences[1];
            if (forest != null && !Double.isNaN(values[row]) && forest.score(new double[] {values[row]}) > settings.isolationScoreThreshold()) {
                flagged[row] = true;
            }
        }
    }
}
