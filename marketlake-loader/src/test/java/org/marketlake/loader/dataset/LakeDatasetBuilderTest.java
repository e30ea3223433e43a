package org.marketlake.loader.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;
import org.marketlake.loader.Fixtures;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.config.ConfigLoader;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.table.Table;

class LakeDatasetBuilderTest {
    @TempDir
    Path dir;
    Lake lake;
    Path root;

    private static Frame quotes(String symbol, Object[][] rows) {
        Frame.Builder builder = Frame.builder(DataKind.QUOTES, Symbol.of(symbol), rows.length);
        for (Object[] row : rows) {
            int at = builder.add(Bars.micros((String) row[0]));
            builder.setDouble(LakeSchema.BID_PRICE, at, (Double) row[1]).setDouble(LakeSchema.ASK_PRICE, at, (Double) row[2])
                    .setDouble(LakeSchema.BID_SIZE, at, 1).setDouble(LakeSchema.ASK_SIZE, at, 2)
                    .setDouble(LakeSchema.SPREAD, at, (Double) row[2] - (Double) row[1]);
        }
        return builder.build();
    }

    @BeforeEach
    void lakeWithBarsAndQuotes() throws Exception {
        lake = Lake.open(dir.resolve("lake"));
        root = Files.createDirectories(dir.resolve("data"));
        // Three 1-minute bars across the month (and year) edge, quotes inside the first and last bar only.
        Frame.Builder bars = Bars.builder(Timeframe.M1, "EURUSD");
        Bars.bar(bars, "2013-12-31T23:58:00Z", 1.30, 1.32, 1.29, 1.31, 10);
        Bars.bar(bars, "2013-12-31T23:59:00Z", 1.31, 1.33, 1.30, 1.32, 20);
        Bars.bar(bars, "2014-01-01T00:00:00Z", 1.32, 1.35, 1.31, 1.34, 30);
        lake.write(bars.build());
        lake.write(quotes("EURUSD", new Object[][] {
            {"2013-12-31T23:58:10Z", 1.300, 1.302},
            {"2013-12-31T23:58:50Z", 1.310, 1.314},
            {"2014-01-01T00:00:30Z", 1.330, 1.333}}));
        lake.write(quotes("XAUUSD", new Object[][] {{"2013-12-31T23:57:00Z", 1200.0, 1200.5}, {"2014-01-01T00:00:10Z", 1201.0, 1201.5}}));
    }

    private LoaderConfig config(String buildSection) {
        Path file = Fixtures.write(dir.resolve("build.yaml"), """
                parquet_loader:
                  data_paths: {root_dir: "%s"}
                  file_patterns: {naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"}
                  schema: {datetime_column: ds}
                  build: %s
                """.formatted(root, buildSection));
        return ConfigLoader.load(file);
    }

    @Test
    void buildsMonthFilesWithDocumentedTargetsAndFeatureGroups() {
        LoaderConfig config = config("{volatility_window: 2, features: {gold_xauusd: XAUUSD}}");

        LakeDatasetBuilder.Result result = new LakeDatasetBuilder(config, lake).build("EURUSD", "1m", 15, Selection.all());

        assertThat(result.timeframe()).isEqualTo("1min");
        assertThat(result.files()).extracting(written -> root.relativize(written.parquet()).toString()).containsExactly(
                "2013/12/EURUSD_1min_h15_2013_12_" + result.hash() + ".parquet",
                "2014/01/EURUSD_1min_h15_2014_01_" + result.hash() + ".parquet");
        assertThat(result.files()).allSatisfy(written -> assertThat(written.json()).exists());

        ParquetDataLoader loader = ParquetDataLoader.of(config);
        LoadResult load = loader.load(Selection.all().withYears(2013, 2014), false, "test").result().orElseThrow();
        Table table = load.table();
        assertThat(table.rows()).isEqualTo(3);
        assertThat(load.targets()).containsExactly("target_bid_first", "target_ask_first", "target_open", "target_close",
                "target_high", "target_low", "target_mid", "target_volatility", "target_returns", "target_spread");
        assertThat(table.doubles("target_bid_first")).containsExactly(1.300, Double.NaN, 1.330);
        assertThat(table.doubles("target_mid")).containsExactly(new double[] {1.312, 1.312, 1.3315}, within(1e-12));
        assertThat(table.doubles("target_spread")).containsExactly(new double[] {0.004, 0.004, 0.003}, within(1e-12));
        double first = Math.log(1.32 / 1.31);
        double second = Math.log(1.34 / 1.32);
        assertThat(table.doubles("target_returns")).containsExactly(new double[] {Double.NaN, first, second}, within(1e-12));
        assertThat(table.doubles("target_volatility")[2]).isCloseTo(Math.abs(second - first) / Math.sqrt(2), within(1e-12));
        assertThat(load.extraColumns()).containsExactly("__index_level_0__", "gold_xauusd_bid", "gold_xauusd_ask",
                "gold_xauusd_bid_volume", "gold_xauusd_ask_volume", "close", "target");
    }

    @Test
    void theJsonTwinHoldsTheSameData() {
        LoaderConfig config = config("{features: {gold_xauusd: {symbol: XAUUSD, kind: quotes}}}");
        LakeDatasetBuilder.Result result = new LakeDatasetBuilder(config, lake).build("EURUSD", "1min", 15, Selection.all());
        LakeDatasetBuilder.Written december = result.files().get(0);
        org.marketlake.loader.read.FileReader reader = new org.marketlake.loader.read.FileReader(config);

        Table parquet = reader.readAll(december.parquet());
        Table json = reader.readAll(december.json());

        assertThat(json.ds()).containsExactly(parquet.ds());
        assertThat(json.names()).isEqualTo(parquet.names());
        for (String name : parquet.numericNames()) {
            assertThat(json.doubles(name)).as(name).containsExactly(parquet.doubles(name));
        }
        assertThat(parquet.doubles("gold_xauusd_bid")).containsExactly(1200.0, 1200.0);
    }

    @Test
    void otherSettingsGiveAnotherHashAndASymbolTheRegexCannotMatchIsRefused() {
        String plain = new LakeDatasetBuilder(config("{}"), lake).build("EURUSD", "1m", 15, Selection.all()).hash();
        String withGold = new LakeDatasetBuilder(config("{features: {gold_xauusd: XAUUSD}}"), lake).build("EURUSD", "1m", 15, Selection.all()).hash();
        String otherHorizon = new LakeDatasetBuilder(config("{}"), lake).build("EURUSD", "1m", 30, Selection.all()).hash();
        assertThat(List.of(plain, withGold, otherHorizon)).doesNotHaveDuplicates().allSatisfy(hash -> assertThat(hash).hasSize(16));

        assertThatThrownBy(() -> new LakeDatasetBuilder(config("{}"), lake).build("BRK.B", "1m", 15, Selection.all()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("symbol BRK.B cannot be written so that file_patterns.naming_regex");
        assertThat(LakeDatasetBuilder.timeframe("60min")).isEqualTo(Timeframe.H1);
        assertThat(LakeDatasetBuilder.timeframe("1d")).isEqualTo(Timeframe.D1);
    }
}
