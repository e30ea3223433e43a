package org.marketlake.loader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.loader.Fixtures;
import org.marketlake.loader.config.ConfigLoader;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.config.NullHandling;
import org.marketlake.loader.config.OutlierAction;
import org.marketlake.loader.config.OutlierMethod;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * No lookahead: values changed only after row t never change any output at or before t, for every null
 * handling, outlier method and action, and every feature (all output columns are compared bit for bit), in
 * rolling use (fences fitted on the rows at or before each row) and for a training set (fences frozen at the end
 * of the training part, wherever t falls).
 */
class NoLookaheadTest {
    private static final int ROWS = 400;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (NullHandling nulls : NullHandling.values()) {
            for (OutlierMethod method : OutlierMethod.values()) {
                for (OutlierAction action : OutlierAction.values()) {
                    for (int i = 0; i < 2; i++) {
                        cases.add(Arguments.of(nulls, method, action, seed++));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} seed {3}")
    @MethodSource("cases")
    void changingRowsAfterTChangesNothingAtOrBeforeT(NullHandling nulls, OutlierMethod method, OutlierAction action, long seed) {
        System.out.println("NoLookaheadTest seed " + seed + " " + nulls + " " + method + " " + action);
        Random random = new Random(seed);
        Table base = withNullsAndOutliers(SampleMonths.month(2014, 1, ROWS, seed), random);
        int t = 40 + random.nextInt(ROWS - 60);
        base = nonNullAt(base, t);
        Table changed = changedAfter(base, t, random);
        LoaderConfig config = ConfigLoader.load(Fixtures.config(dir, dir,
                "null_handling: \"forward_fill\"", "null_handling: \"" + nulls.name().toLowerCase(Locale.ROOT) + "\"",
                "outlier_method: \"iqr\"", "outlier_method: \"" + method.configName() + "\"",
                "outlier_threshold: 3.0", "outlier_threshold: 1.5\n    outlier_action: \"" + action.name().toLowerCase(Locale.ROOT) + "\"\n    isolation_trees: 20"));
        List<String> targets = SampleMonths.TARGETS;
        long until = base.ds()[t];

        assertSamePrefix(Processor.process(base, targets, config).table(), Processor.process(changed, targets, config).table(),
                until, "rolling, seed " + seed);
        int fitRows = 1 + random.nextInt(ROWS);
        assertSamePrefix(Processor.process(base, targets, config, fitRows).table(),
                Processor.process(changed, targets, config, fitRows).table(), until, "training part of " + fitRows + " rows, seed " + seed);
    }

    private static void assertSamePrefix(Table expected, Table actual, long until, String what) {
        int rows = expected.lastAtOrBefore(until) + 1;
        assertThat(actual.lastAtOrBefore(until) + 1).as("rows at or before t, %s", what).isEqualTo(rows);
        assertThat(rows).as("rows kept, %s", what).isPositive();
        assertThat(actual.names()).as(what).isEqualTo(expected.names());
        for (int row = 0; row < rows; row++) {
            assertThat(actual.ds()[row]).as("ds row %d, %s", row, what).isEqualTo(expected.ds()[row]);
        }
        for (String name : expected.numericNames()) {
            double[] a = expected.doubles(name);
            double[] b = actual.doubles(name);
            for (int row = 0; row < rows; row++) {
                assertThat(Double.doubleToRawLongBits(b[row])).as("%s row %d (%s vs %s), %s", name, row, a[row], b[row], what)
                        .isEqualTo(Double.doubleToRawLongBits(a[row]));
            }
        }
    }

    /** About 3% nulls and 1% far values in every numeric column (as doubles). */
    private static Table withNullsAndOutliers(Table table, Random random) {
        Table out = table;
        for (String name : table.numericNames()) {
            double[] values = table.doubles(name).clone();
            for (int row = 0; row < values.length; row++) {
                int draw = random.nextInt(100);
                if (draw < 3) {
                    values[row] = Double.NaN;
                } else if (draw < 4 && !Double.isNaN(values[row])) {
                    values[row] = values[row] * (random.nextBoolean() ? 50 : -50);
                }
            }
            out = out.with(new TableColumn.Doubles(name, values));
        }
        return out;
    }

    /** Row t holds a value in every column, so interpolation before t never reaches past it. */
    private static Table nonNullAt(Table table, int t) {
        Table out = table;
        for (String name : table.numericNames()) {
            double[] values = table.doubles(name).clone();
            if (Double.isNaN(values[t])) {
                values[t] = 1.25;
                out = out.with(new TableColumn.Doubles(name, values));
            }
        }
        return out;
    }

    /** Every numeric value after row t scaled, shifted, nulled or made extreme at random. */
    private static Table changedAfter(Table table, int t, Random random) {
        Table out = table;
        for (String name : table.numericNames()) {
            double[] values = table.doubles(name).clone();
            for (int row = t + 1; row < values.length; row++) {
                int draw = random.nextInt(10);
                values[row] = draw == 0 ? Double.NaN : draw == 1 ? 1e9 : values[row] * (2 + random.nextGaussian()) + 7;
            }
            out = out.with(new TableColumn.Doubles(name, values));
        }
        return out;
    }
}
