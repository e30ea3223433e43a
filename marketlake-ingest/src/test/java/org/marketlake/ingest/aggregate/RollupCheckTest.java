package org.marketlake.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestOptions;

/** validate's roll-up check on a real day of IBM trades: agreement, a stale bar found, a repair that fixes it. */
class RollupCheckTest {
    private static final Symbol IBM = Symbol.of("IBM");
    private static final Path TRADES = Path.of(System.getProperty("marketlake.shared", "../../shared"), "data", "ibm-2013-10-07", "trades.csv");

    @TempDir
    Path root;

    @Test
    void aStaleRollupIsNamedBarByBarAndRepairRebuildsItInOneCommit() {
        Lake lake = Lake.open(root);
        Ingest.trades(lake, IngestOptions.of(IBM, List.of(TRADES)).timeframes(Set.of(Timeframe.S1, Timeframe.M1, Timeframe.D1)));
        assertThat(RollupCheck.check(lake)).isEmpty();

        // A later write changes one 1s bar and nothing rolls it up (as `ingest bars --timeframe 1s` does).
        long minute = Micros.of(java.time.Instant.parse("2013-10-07T14:31:00Z"));
        Frame seconds = lake.read(DataKind.bars(Timeframe.S1), IBM, new TimeRange(minute, minute + 59 * Micros.PER_SECOND), List.of());
        assertThat(seconds.size()).isPositive();
        Frame bar = seconds.slice(0, 1);
        double storedHigh = lake.read(DataKind.bars(Timeframe.M1), IBM, TimeRange.ALL, List.of("timestamp", "high"))
                .doubles("high")[indexOf(lake, Timeframe.M1, "2013-10-07T14:31:00Z")];
        bar.doubles("high")[0] = 2000.0;
        lake.write(bar);

        List<RollupCheck.Disagreement> problems = RollupCheck.check(lake);
        assertThat(problems).extracting(p -> p.describe(root.toAbsolutePath().normalize())).containsExactly(
                "bars/1m/IBM.2013-10.parquet: 1 bar differs against the stored 1s bars (first: 2013-10-07T14:31:00Z high is " + storedHigh + ", the 1s bars give 2000.0)",
                "bars/1d/IBM.2013.parquet: 1 bar differs against the stored 1s bars (first: 2013-10-07T00:00:00Z high is " + dailyHigh(lake) + ", the 1s bars give 2000.0)");

        WriteResult repaired = RollupCheck.repair(lake);
        assertThat(repaired.replaced()).isEqualTo(2);
        assertThat(repaired.added()).isZero();
        assertThat(RollupCheck.check(lake)).isEmpty();
        assertThat(lake.read(DataKind.bars(Timeframe.M1), IBM, TimeRange.ALL, List.of("timestamp", "high"))
                .doubles("high")[indexOf(lake, Timeframe.M1, "2013-10-07T14:31:00Z")]).isEqualTo(2000.0);
    }

    @Test
    void aBarTheSecondsImplyButTheRollupLacksIsMissing() {
        Lake lake = Lake.open(root);
        Ingest.trades(lake, IngestOptions.of(IBM, List.of(TRADES)).timeframes(Set.of(Timeframe.S1, Timeframe.M1)));
        Frame late = lake.read(DataKind.bars(Timeframe.S1), IBM, TimeRange.ALL, List.of());
        Frame one = late.slice(late.size() - 1, late.size());
        long moved = Micros.of(java.time.Instant.parse("2013-10-31T12:00:00Z"));
        one.timestamps()[0] = moved;
        lake.write(one);

        assertThat(RollupCheck.check(lake)).extracting(RollupCheck.Disagreement::missing, RollupCheck.Disagreement::differing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0L));
        assertThat(RollupCheck.repair(lake).added()).isEqualTo(1);
        assertThat(RollupCheck.check(lake)).isEmpty();
    }

    private static int indexOf(Lake lake, Timeframe timeframe, String iso) {
        long[] ts = lake.read(DataKind.bars(timeframe), IBM, TimeRange.ALL, List.of("timestamp")).timestamps();
        return java.util.Arrays.binarySearch(ts, Micros.of(java.time.Instant.parse(iso)));
    }

    private static double dailyHigh(Lake lake) {
        return lake.read(DataKind.bars(Timeframe.D1), IBM, TimeRange.ALL, List.of("high")).doubles("high")[0];
    }
}
