package org.marketlake.loader.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * The features of design 000 section 4, every one looking only backwards (the value at time t uses rows at or
 * before t), NaN until its window fills:
 * <ul>
 *   <li>temporal: {@code {col}_lag{k}}, {@code {col}_diff1}, {@code {col}_diff2},
 *       {@code {col}_roll_{mean|std|min|max}{w}} (std with ddof 1);</li>
 *   <li>cross-asset: {@code {col}_corr_{other}{w}} for configured pairs; {@code {prefix}_spread} = ask - bid
 *       for every {@code {prefix}_bid}/{@code {prefix}_ask} pair; {@code yield_curve_10Y_2Y} = GS10 - GS2 and
 *       {@code yield_curve_10Y_3M} = GS10 - GS3M from the yield-curve group;</li>
 *   <li>volatility: {@code {col}_volatility{w}} for each of {@code features.volatility_columns}, the rolling std
 *       of log returns, and
 *       {@code parkinson_volatility{w}} = sqrt(mean of ln(high/low)^2 / (4 ln 2)) from target_high and target_low.</li>
 * </ul>
 * Daily columns (timestamp columns such as {@code spread_10Y_2Y_date} and their groups) are first aligned as of
 * each row ({@link DailyAlignment}).
 */
public final class FeatureEngineer {
    private FeatureEngineer() {}

    public record Result(Table table, List<String> features) {}

    public static Result apply(Table table, LoaderConfig.Features settings, List<String> targets, List<String> timestampColumns) {
        Table aligned = table;
        if (settings.alignDaily()) {
            for (String dateColumn : timestampColumns) {
                aligned = DailyAlignment.align(aligned, dateColumn);
            }
        }
        if (!settings.enabled()) {
            return new Result(aligned, List.of());
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        List<String> base = settings.columns().isEmpty() ? targets : settings.columns();
        for (String name : base) {
            if (!aligned.has(name) || !aligned.column(name).isNumeric()) {
                throw new org.marketlake.core.error.InvalidConfigException("features.columns names " + name
                        + ", which is not a numeric column of the data: " + aligned.numericNames());
            }
            double[] values = aligned.doubles(name);
            for (int k : settings.lags()) {
                features.put(name + "_lag" + k, Rolling.lag(values, k));
            }
            if (settings.differences()) {
                double[] first = Rolling.diff(values);
                features.put(name + "_diff1", first);
                features.put(name + "_diff2", Rolling.diff(first));
            }
            for (int w : settings.rollingWindows()) {
                for (String stat : settings.rollingStats()) {
                    features.put(name + "_roll_" + stat + w, switch (stat) {
                        case "mean" -> Rolling.mean(values, w);
                        case "std" -> Rolling.std(values, w);
                        case "min" -> Rolling.min(values, w);
                        default -> Rolling.max(values, w);
                    });
                }
            }
        }
        // Which columns get a volatility is a setting, never a property of the data (that could depend on the future).
        for (String name : settings.volatilityColumns()) {
            if (aligned.has(name) && aligned.column(name).isNumeric()) {
                features.put(name + "_volatility" + settings.volatilityWindow(),
                        Rolling.std(Rolling.logReturns(aligned.doubles(name)), settings.volatilityWindow()));
            }
        }
        for (String pair : settings.correlations()) {
            String[] names = pair.split(":");
            for (String name : names) {
                if (!aligned.has(name) || !aligned.column(name).isNumeric()) {
                    throw new org.marketlake.core.error.InvalidConfigException("features.correlations names " + name
                            + ", which is not a numeric column of the data");
                }
            }
            features.put(names[0] + "_corr_" + names[1] + settings.correlationWindow(),
                    Rolling.corr(aligned.doubles(names[0]), aligned.doubles(names[1]), settings.correlationWindow()));
        }
        if (settings.spreads()) {
            spreads(aligned, features);
        }
        if (aligned.has("target_high") && aligned.has("target_low")) {
            features.put("parkinson_volatility" + settings.volatilityWindow(),
                    parkinson(aligned.doubles("target_high"), aligned.doubles("target_low"), settings.volatilityWindow()));
        }
        List<TableColumn> columns = new ArrayList<>();
        features.forEach((name, values) -> columns.add(new TableColumn.Doubles(name, values)));
        return new Result(aligned.withAll(columns), List.copyOf(features.keySet()));
    }

    private static void spreads(Table table, Map<String, double[]> features) {
        for (String name : table.numericNames()) {
            if (name.endsWith("_bid") && table.has(name.substring(0, name.length() - 4) + "_ask")) {
                String prefix = name.substring(0, name.length() - 4);
                double[] bid = table.doubles(name);
                double[] ask = table.doubles(prefix + "_ask");
                double[] spread = new double[bid.length];
                for (int i = 0; i < spread.length; i++) {
                    spread[i] = ask[i] - bid[i];
                }
                features.put(prefix + "_spread", spread);
            }
        }
        for (String term : List.of("2Y", "3M")) {
            String group = "spread_10Y_" + term + "_";
            String shortLeg = group + (term.equals("2Y") ? "GS2" : "GS3M");
            if (table.has(group + "GS10") && table.has(shortLeg)) {
                double[] longRate = table.doubles(group + "GS10");
                double[] shortRate = table.doubles(shortLeg);
                double[] spread = new double[longRate.length];
                for (int i = 0; i < spread.length; i++) {
                    spread[i] = longRate[i] - shortRate[i];
                }
                features.put("yield_curve_10Y_" + term, spread);
            }
        }
    }

    /** Parkinson's high-low volatility over a trailing window. */
    static double[] parkinson(double[] high, double[] low, int w) {
        double[] squared = new double[high.length];
        for (int i = 0; i < squared.length; i++) {
            double ratio = Math.log(high[i] / low[i]);
            squared[i] = high[i] > 0 && low[i] > 0 ? ratio * ratio : Double.NaN;
        }
        double[] mean = Rolling.mean(squared, w);
        double[] out = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(mean[i] / (4 * Math.log(2)));
        }
        return out;
    }
}
