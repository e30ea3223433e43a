package org.marketlake.loader.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marketlake.core.actions.Adjustment;
import org.marketlake.core.actions.Adjustments;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.features.Rolling;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * {@code marketlake dataset build}: writes the loader's layout from the lake, one Parquet file per month with a
 * records JSON twin holding the same data. For each bar of the symbol and timeframe, with its quotes when the
 * lake has them:
 * <ul>
 *   <li>{@code ds}: the bar's start, UTC, text {@code YYYY-MM-DD HH:MM:SS} (the design's template);</li>
 *   <li>{@code target_open/high/low/close}: the bar's;</li>
 *   <li>{@code target_bid_first}, {@code target_ask_first}: the first quote inside the bar (null when none);</li>
 *   <li>{@code target_mid} = (bid + ask) / 2 and {@code target_spread} = ask - bid of the last quote at or before
 *       the bar's end (null before the first quote, or when the lake has no quotes for the symbol);</li>
 *   <li>{@code target_returns} = ln(close / previous close), across month edges; {@code target_volatility} = the
 *       rolling sample std of returns over {@code build.volatility_window} bars;</li>
 *   <li>feature groups from other lake symbols ({@code build.features}), as of the bar's end: quotes give
 *       {@code {prefix}_bid/_ask/_bid_volume/_ask_volume}, bars {@code {prefix}_open/high/low/close/volume};</li>
 *   <li>{@code __index_level_0__} (row in the file), {@code close} and {@code target} (both the close), as the
 *       template has them.</li>
 * </ul>
 * Timeframes are written as {@code <N>min} (1m is 1min, 1h 60min, 1d 1440min). {@code HASH} is a hash of the
 * build's settings, so builds with other settings never overwrite each other.
 */
public final class LakeDatasetBuilder {
    private final LoaderConfig config;
    private final Lake lake;
    private final Adjustment adjustment;

    /** A builder of raw bars, as stored. */
    public LakeDatasetBuilder(LoaderConfig config, Lake lake) {
        this(config, lake, Adjustment.RAW);
    }

    /**
     * A builder of bars adjusted as {@code adjustment} says (see {@link Adjustments#adjusting}); an adjustment other than
     * raw is part of the files' hash, so adjusted and raw builds never overwrite each other.
     */
    public LakeDatasetBuilder(LoaderConfig config, Lake lake, Adjustment adjustment) {
        this.config = config;
        this.lake = Adjustments.adjusting(lake, adjustment);
        this.adjustment = adjustment;
    }

    /** One written month: its Parquet file (the JSON twin beside it) and rows. */
    public record Written(Path parquet, Path json, int rows) {}

    public record Result(String hash, String timeframe, List<Written> files) {}

    /** {@code 1m}, {@code 1min}, {@code 60min}, {@code 1h}... as a lake timeframe. */
    public static Timeframe timeframe(String text) {
        String minutes = Selection.normalizeTimeframe(text);
        for (Timeframe timeframe : Timeframe.values()) {
            if (!timeframe.label().equals("1s") && Selection.normalizeTimeframe(timeframe.label()).equals(minutes)) {
                return timeframe;
            }
        }
        return Timeframe.parse(text);
    }

    public Result build(String symbolText, String timeframeText, int horizon, Selection months) {
        Symbol symbol = Symbol.of(symbolText);
        Timeframe timeframe = timeframe(timeframeText);
        if (timeframe == Timeframe.S1) {
            throw new InvalidRequestException("dataset build needs a timeframe of a minute or more (the design's <N>min form), got 1s");
        }
        String timeframeName = Selection.normalizeTimeframe(timeframe.label());
        String hash = hash(symbol.value(), timeframeName, horizon);
        String sample = String.format("%s_%s_h%d_2000_01_%s.parquet", symbol.value(), timeframeName, horizon, hash);
        if (!config.filePatterns().namingRegex().matcher(sample).lookingAt()) {
            throw new InvalidRequestException("symbol " + symbol.value() + " cannot be written so that file_patterns.naming_regex "
                    + config.filePatterns().namingRegex().pattern() + " matches it (for example " + sample
                    + "): widen the regex's symbol group, for example ([A-Z0-9.-]+)");
        }
        TimeRange range = range(months);
        Frame bars = lake.read(DataKind.bars(timeframe), symbol, TimeRange.ALL, List.of());
        if (bars.isEmpty()) {
            throw new DataNotFoundException("the lake has no " + timeframe.label() + " bars of " + symbol.value() + " [root=" + lake.root() + "]");
        }
        Table table = columns(bars, symbol, timeframe);
        List<Written> written = new ArrayList<>();
        for (Map.Entry<String, int[]> month : months(table.ds(), range, months).entrySet()) {
            int[] bounds = month.getValue();
            Table part = table.slice(bounds[0], bounds[1]);
            double[] index = new double[part.rows()];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            part = withTemplateExtras(part, index);
            int year = Integer.parseInt(month.getKey().substring(0, 4));
            int monthNumber = Integer.parseInt(month.getKey().substring(5));
            Path parquet = SampleMonths.pathOf(config.dataPaths().rootDir(), symbol.value(), timeframeName, horizon, year,
                    monthNumber, hash, "parquet");
            Path json = SampleMonths.pathOf(config.dataPaths().rootDir(), symbol.value(), timeframeName, horizon, year,
                    monthNumber, hash, "json");
            TableWriter.writeParquet(part, parquet, TableWriter.TimeFormat.TEXT);
            TableWriter.writeJsonRecords(part, json);
            written.add(new Written(parquet, json, part.rows()));
        }
        if (written.isEmpty()) {
            throw new DataNotFoundException("the lake has no " + timeframe.label() + " bars of " + symbol.value() + " in the selected months");
        }
        return new Result(hash, timeframeName, written);
    }

    private Table columns(Frame bars, Symbol symbol, Timeframe timeframe) {
        long[] ds = java.util.Arrays.copyOf(bars.timestamps(), bars.size());
        int n = ds.length;
        long step = timeframe.micros();
        double[] close = head(bars.doubles("close"), n);
        List<TableColumn> columns = new ArrayList<>();
        double[][] quotes = quoteTargets(symbol, ds, step);
        double[] returns = Rolling.logReturns(close);
        columns.add(new TableColumn.Doubles("target_bid_first", quotes[0]));
        columns.add(new TableColumn.Doubles("target_ask_first", quotes[1]));
        columns.add(new TableColumn.Doubles("target_open", head(bars.doubles("open"), n)));
        columns.add(new TableColumn.Doubles("target_close", close));
        columns.add(new TableColumn.Doubles("target_high", head(bars.doubles("high"), n)));
        columns.add(new TableColumn.Doubles("target_low", head(bars.doubles("low"), n)));
        columns.add(new TableColumn.Doubles("target_mid", quotes[2]));
        columns.add(new TableColumn.Doubles("target_volatility", Rolling.std(returns, config.build().volatilityWindow())));
        columns.add(new TableColumn.Doubles("target_returns", returns));
        columns.add(new TableColumn.Doubles("target_spread", quotes[3]));
        for (LoaderConfig.BuildFeature feature : config.build().features()) {
            columns.addAll(featureGroup(feature, timeframe, ds, step));
        }
        return Table.of(ds, columns);
    }

    /** bid_first, ask_first, mid and spread per bar. */
    private double[][] quoteTargets(Symbol symbol, long[] ds, long step) {
        int n = ds.length;
        double[][] out = new double[4][n];
        for (double[] column : out) {
            java.util.Arrays.fill(column, Double.NaN);
        }
        if (lake.files(DataKind.QUOTES, symbol).isEmpty()) {
            return out;
        }
        Frame quotes = lake.read(DataKind.QUOTES, symbol, new TimeRange(Long.MIN_VALUE, ds[n - 1] + step - 1),
                List.of("timestamp", "bid_price", "ask_price"));
        long[] qt = quotes.timestamps();
        double[] bid = quotes.doubles("bid_price");
        double[] ask = quotes.doubles("ask_price");
        int q = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            long end = ds[i] + step;
            while (q < quotes.size() && qt[q] < ds[i]) {
                last = q++;
            }
            if (q < quotes.size() && qt[q] < end) {
                out[0][i] = bid[q];
                out[1][i] = ask[q];
            }
            while (q < quotes.size() && qt[q] < end) {
                last = q++;
            }
            if (last >= 0) {
                out[2][i] = (bid[last] + ask[last]) / 2;
                out[3][i] = ask[last] - bid[last];
            }
        }
        return out;
    }

    private List<TableColumn> featureGroup(LoaderConfig.BuildFeature feature, Timeframe timeframe, long[] ds, long step) {
        Symbol other = Symbol.of(feature.symbol());
        boolean quotes = feature.kind().equals("quotes");
        DataKind kind = quotes ? DataKind.QUOTES : DataKind.bars(timeframe);
        List<String> sourceColumns = quotes ? List.of("bid_price", "ask_price", "bid_size", "ask_size")
                : List.of("open", "high", "low", "close", "volume");
        List<String> names = quotes ? List.of("_bid", "_ask", "_bid_volume", "_ask_volume")
                : List.of("_open", "_high", "_low", "_close", "_volume");
        if (lake.files(kind, other).isEmpty()) {
            throw new DataNotFoundException("build.features." + feature.prefix() + " reads " + kind.label() + " of " + other.value()
                    + ", which the lake does not have [root=" + lake.root() + "]");
        }
        List<String> read = new ArrayList<>(List.of("timestamp"));
        read.addAll(sourceColumns);
        Frame frame = lake.read(kind, other, new TimeRange(Long.MIN_VALUE, ds[ds.length - 1] + step - 1), read);
        long[] times = frame.timestamps();
        List<TableColumn> out = new ArrayList<>();
        // As of the bar's end: a quote stamped before it, or a bar that started no later than this one.
        int[] source = new int[ds.length];
        int at = -1;
        for (int i = 0; i < ds.length; i++) {
            long limit = quotes ? ds[i] + step : ds[i] + 1;
            while (at + 1 < frame.size() && times[at + 1] < limit) {
                at++;
            }
            source[i] = at;
        }
        for (int c = 0; c < sourceColumns.size(); c++) {
            double[] values = frame.doubles(sourceColumns.get(c));
            double[] aligned = new double[ds.length];
            for (int i = 0; i < ds.length; i++) {
                aligned[i] = source[i] < 0 ? Double.NaN : values[source[i]];
            }
            out.add(new TableColumn.Doubles(feature.prefix() + names.get(c), aligned));
        }
        return out;
    }

    private static Table withTemplateExtras(Table part, double[] index) {
        List<TableColumn> columns = new ArrayList<>(part.columns());
        columns.add(10, new TableColumn.Doubles("__index_level_0__", index));
        columns.add(new TableColumn.Doubles("close", part.doubles("target_close").clone()));
        columns.add(new TableColumn.Doubles("target", part.doubles("target_close").clone()));
        return Table.of(part.ds(), columns);
    }

    private static double[] head(double[] values, int n) {
        return values.length == n ? values : java.util.Arrays.copyOf(values, n);
    }

    /** Row bounds [from, to) of each month ("2014-03") within the selected range. */
    private static Map<String, int[]> months(long[] ds, TimeRange range, Selection selection) {
        Map<String, int[]> months = new TreeMap<>();
        for (int i = 0; i < ds.length; i++) {
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(ds[i], Micros.PER_DAY));
            if (!range.contains(ds[i]) || date.getMonthValue() < selection.firstMonth() || date.getMonthValue() > selection.lastMonth()) {
                continue;
            }
            String key = String.format("%04d-%02d", date.getYear(), date.getMonthValue());
            int row = i;
            months.compute(key, (k, bounds) -> bounds == null ? new int[] {row, row + 1} : new int[] {bounds[0], row + 1});
        }
        return months;
    }

    private static TimeRange range(Selection selection) {
        if (!selection.hasYears()) {
            return TimeRange.ALL;
        }
        long start = LocalDate.of(selection.firstYear(), 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        long end = LocalDate.of(selection.lastYear() + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        return new TimeRange(start, end - 1);
    }

    /** 16 hex digits of SHA-256 over everything that shapes the files' content. */
    String hash(String symbol, String timeframe, int horizon) {
        StringBuilder settings = new StringBuilder("marketlake dataset build v1|").append(symbol).append('|').append(timeframe)
                .append("|h").append(horizon).append("|vol").append(config.build().volatilityWindow());
        if (adjustment != Adjustment.RAW) {
            settings.append("|adjust=").append(adjustment.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (LoaderConfig.BuildFeature feature : config.build().features()) {
            settings.append('|').append(feature.prefix()).append('=').append(feature.symbol()).append(':').append(feature.kind());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
