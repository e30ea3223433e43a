package org.marketlake.core.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.ActionType;
import org.marketlake.core.model.ActionsWrite;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.sql.SqlResult;
import org.marketlake.core.store.Lake;
import org.marketlake.core.testing.Bars;

/**
 * A 4-for-1 split on 2024-06-06 and a 1.02 cash dividend on 2024-06-07, adjusted by hand: the split divides every
 * earlier price by 4 and multiplies volume by 4; the dividend's factor is 1 - 1.02 / 102 = 0.99, 102 being the
 * raw close of 2024-06-06, the last daily bar before its ex-date.
 */
class AdjustmentsTest {
    private static final Symbol IBM = Symbol.of("IBM");
    private static final LocalDate SPLIT_DAY = LocalDate.parse("2024-06-06");
    private static final LocalDate DIVIDEND_DAY = LocalDate.parse("2024-06-07");

    @TempDir
    Path root;
    Lake lake;

    @BeforeEach
    void lakeWithBarsAndActions() {
        lake = Lake.open(root);
        Frame.Builder daily = Bars.builder(Timeframe.D1, "IBM");
        Bars.bar(daily, "2024-06-03T00:00:00Z", 400, 404, 396, 400, 1000);
        Bars.bar(daily, "2024-06-04T00:00:00Z", 400, 408, 400, 404, 1000);
        Bars.bar(daily, "2024-06-05T00:00:00Z", 404, 412, 400, 408, 2000);
        Bars.bar(daily, "2024-06-06T00:00:00Z", 102, 103, 101, 102, 8000);
        Bars.bar(daily, "2024-06-07T00:00:00Z", 102, 104, 101, 103, 4000);
        lake.write(daily.build());
        lake.writeActions(IBM, List.of(
                CorporateAction.shares(IBM, SPLIT_DAY, ActionType.SPLIT, 4, "test"),
                CorporateAction.cashDividend(IBM, DIVIDEND_DAY, 1.02, "test")));
    }

    private Frame daily() {
        return lake.read(DataKind.bars(Timeframe.D1), IBM, TimeRange.ALL, List.of());
    }

    @Test
    void splitAndDividendAdjustedByHand() {
        Frame all = Adjustments.adjust(lake, daily(), Adjustment.ALL);
        assertThat(all.doubles("close")).containsExactly(new double[] {99.0, 99.99, 100.98, 100.98, 103}, within(1e-9));
        assertThat(all.doubles("high")).containsExactly(new double[] {99.99, 100.98, 101.97, 101.97, 104}, within(1e-9));
        assertThat(all.doubles("volume")).containsExactly(new double[] {4000, 4000, 8000, 8000, 4000}, within(1e-9));

        Frame split = Adjustments.adjust(lake, daily(), Adjustment.SPLIT);
        assertThat(split.doubles("close")).containsExactly(new double[] {100, 101, 102, 102, 103}, within(1e-12));
        assertThat(split.doubles("open")).containsExactly(new double[] {100, 100, 101, 102, 102}, within(1e-12));

        Frame raw = Adjustments.adjust(lake, daily(), Adjustment.RAW);
        assertThat(raw.doubles("close")).containsExactly(400, 404, 408, 102, 103);
        // Adjusting reads: the stored file is as written.
        assertThat(daily().doubles("close")).containsExactly(400, 404, 408, 102, 103);
    }

    @Test
    void anAdjustingLakeAdjustsEveryReadOfBars() {
        Lake adjusted = Adjustments.adjusting(lake, Adjustment.SPLIT);
        Frame close = adjusted.read(DataKind.bars(Timeframe.D1), IBM, TimeRange.ALL, List.of("close"));
        assertThat(close.columns()).extracting(c -> c.name()).containsExactly("close");
        assertThat(close.doubles("close")).containsExactly(100, 101, 102, 102, 103);
        assertThat(Adjustments.adjusting(lake, Adjustment.RAW)).isSameAs(lake);
        assertThat(adjusted.actions(IBM)).hasSize(2);
    }

    @Test
    void factorsComposeAndArePrintable() {
        AdjustmentFactors factors = Adjustments.factors(lake, IBM, Adjustment.ALL);
        assertThat(factors.factors()).hasSize(2);
        AdjustmentFactor split = factors.factors().get(0);
        AdjustmentFactor dividend = factors.factors().get(1);
        assertThat(split.price()).isEqualTo(0.25);
        assertThat(split.volume()).isEqualTo(4.0);
        assertThat(split.cumulativePrice()).isCloseTo(0.2475, within(1e-12));
        assertThat(split.cumulativeVolume()).isEqualTo(4.0);
        assertThat(dividend.closeBefore()).isEqualTo(102.0);
        assertThat(dividend.price()).isCloseTo(0.99, within(1e-12));
        assertThat(dividend.cumulativeVolume()).isEqualTo(1.0);
        assertThat(factors.priceFactor(LocalDate.parse("2024-06-07"))).isEqualTo(1.0);
    }

    @Test
    void intradayBarsTakeTheirNewYorkDate() {
        Frame.Builder minutes = Bars.builder(Timeframe.M1, "IBM");
        Bars.bar(minutes, "2024-06-05T19:59:00Z", 408, 408, 408, 408, 10); // 15:59 New York on the 5th: before the split
        Bars.bar(minutes, "2024-06-06T13:30:00Z", 102, 102, 102, 102, 10); // 09:30 on the split day: after it
        Frame adjusted = Adjustments.adjust(lake, minutes.build(), Adjustment.SPLIT);
        assertThat(adjusted.doubles("close")).containsExactly(102, 102);
        assertThat(adjusted.doubles("volume")).containsExactly(40, 10);
    }

    @Test
    void sameExDateAndTypeLastWins() {
        ActionsWrite again = lake.writeActions(IBM, List.of(
                CorporateAction.shares(IBM, SPLIT_DAY, ActionType.SPLIT, 3, "first"),
                CorporateAction.shares(IBM, SPLIT_DAY, ActionType.SPLIT, 2, "second"),
                CorporateAction.cashDividend(IBM, DIVIDEND_DAY, 1.02, "test")));
        assertThat(again.added()).isZero();
        assertThat(again.replaced()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.total()).isEqualTo(2);
        assertThat(lake.actions(IBM)).extracting(CorporateAction::ratio).containsExactly(2.0, Double.NaN);
        assertThat(lake.actions(IBM).get(0).source()).isEqualTo("second");
        // Two commits of actions (plus the bars): each write is one entry of the history.
        assertThat(lake.log()).hasSize(3);
        assertThat(lake.log().get(2).files()).singleElement().satisfies(change -> assertThat(change.path()).isEqualTo("actions/IBM.parquet"));
    }

    @Test
    void catalogueAndValidateKnowActionsFiles() throws Exception {
        assertThat(lake.catalogue().actions()).singleElement().satisfies(file -> {
            assertThat(file.symbol()).isEqualTo(IBM);
            assertThat(file.rows()).isEqualTo(2);
            assertThat(file.firstExDate()).isEqualTo(SPLIT_DAY);
        });
        assertThat(lake.validate(List.of())).isEmpty();
        Files.copy(root.resolve("actions/IBM.parquet"), root.resolve("actions/AAPL.parquet"));
        assertThat(lake.validate(List.of())).singleElement().asString().startsWith("actions/AAPL.parquet: ").contains("symbol");
        assertThat(lake.catalogue().problems()).singleElement().asString().startsWith("actions/AAPL.parquet: ").endsWith(", skipped");
    }

    @Test
    void aDividendWithoutAnEarlierCloseIsRefused() {
        lake.writeActions(IBM, List.of(CorporateAction.cashDividend(IBM, LocalDate.parse("2024-06-03"), 1.0, "test")));
        assertThatThrownBy(() -> Adjustments.factors(lake, IBM, Adjustment.ALL))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("IBM").hasMessageContaining("2024-06-03").hasMessageContaining("no daily bar");
        assertThat(Adjustments.factors(lake, IBM, Adjustment.SPLIT).factors()).hasSize(1);
    }

    @Test
    void sqlViewsAreAdjustedAndStayReadOnly() {
        try (LakeSql sql = Adjustments.sql(lake, lake.catalogue(), Adjustment.ALL, null)) {
            SqlResult result = sql.readOnlyQuery("SELECT round(close, 6), volume FROM bars_1d ORDER BY timestamp");
            assertThat(result.rows()).extracting(row -> ((Number) row[0]).doubleValue())
                    .containsExactly(99.0, 99.99, 100.98, 100.98, 103.0);
            assertThat(result.rows()).extracting(row -> ((Number) row[1]).doubleValue())
                    .containsExactly(4000.0, 4000.0, 8000.0, 8000.0, 4000.0);
            assertThatThrownBy(() -> sql.readOnlyQuery("CREATE TABLE x AS SELECT 1"))
                    .isInstanceOf(org.marketlake.core.error.ForbiddenStatementException.class);
        }
        try (LakeSql sql = Adjustments.sql(lake, lake.catalogue(), Adjustment.RAW, null)) {
            assertThat(sql.readOnlyQuery("SELECT close FROM bars_1d ORDER BY timestamp").rows())
                    .extracting(row -> ((Number) row[0]).doubleValue()).containsExactly(400.0, 404.0, 408.0, 102.0, 103.0);
        }
    }
}
