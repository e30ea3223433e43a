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
        IsolationForest forest = new IsolationForest(sample, 0, trees);
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
}
