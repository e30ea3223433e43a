package org.marketlake.forecast.output;

import org.marketlake.forecast.backtest.WindowScore;
import org.marketlake.forecast.backtest.ModelScore;
import org.marketlake.forecast.backtest.BacktestResult;
import static org.marketlake.forecast.output.ForecastOutput.jsonNumber;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Micros;

/**
 * Prints a {@link BacktestResult}: per model, one row per window and a {@code mean} row. Columns:
 * {@code model,window,cutoff,first,last,mase,wql,relative_mase,relative_wql}; {@code cutoff} is the last bar the
 * model saw, {@code first} and {@code last} the bars it forecast; relative scores divide by seasonal naive's.
 */
public final class BacktestOutput {
    public static final String CSV_HEADER = "model,window,cutoff,first,last,mase,wql,relative_mase,relative_wql";

    private BacktestOutput() {}

    /** The CSV/JSON-lines records: per model one row per window, then its {@code mean} row (no dates there). */
    public static Rows rows(BacktestResult result) {
        List<Object[]> rows = new ArrayList<>();
        for (ModelScore model : result.models()) {
            for (WindowScore window : model.windows()) {
                rows.add(new Object[] {model.model(), window.window().number(), Micros.toInstant(window.cutoffMicros()),
                    Micros.toInstant(window.firstMicros()), Micros.toInstant(window.lastMicros()), jsonNumber(window.mase()),
                    jsonNumber(window.wql()), jsonNumber(window.relativeMase()), jsonNumber(window.relativeWql())});
            }
            rows.add(new Object[] {model.model(), "mean", null, null, null, jsonNumber(model.mase()), jsonNumber(model.wql()),
                jsonNumber(model.relativeMase()), jsonNumber(model.relativeWql())});
        }
        return Rows.table(List.of(CSV_HEADER.split(",")), rows);
    }

    public static void json(BacktestResult result, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("symbol", result.symbol().value());
        root.put("timeframe", result.timeframe().label());
        root.put("horizon", result.horizon());
        root.put("windows", result.windows().size());
        root.put("season", result.season());
        List<Object> models = new ArrayList<>();
        for (ModelScore model : result.models()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", model.model());
            entry.put("mase", jsonNumber(model.mase()));
            entry.put("wql", jsonNumber(model.wql()));
            entry.put("relative_mase", jsonNumber(model.relativeMase()));
            entry.put("relative_wql", jsonNumber(model.relativeWql()));
            List<Object> windows = new ArrayList<>();
            for (WindowScore window : model.windows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("window", window.window().number());
                row.put("cutoff", Micros.format(window.cutoffMicros()));
                row.put("first", Micros.format(window.firstMicros()));
                row.put("last", Micros.format(window.lastMicros()));
                row.put("mase", jsonNumber(window.mase()));
                row.put("wql", jsonNumber(window.wql()));
                row.put("relative_mase", jsonNumber(window.relativeMase()));
                row.put("relative_wql", jsonNumber(window.relativeWql()));
                windows.add(row);
            }
            entry.put("per_window", windows);
            models.add(entry);
        }
        root.put("models", models);
        out.println(ForecastOutput.json(root));
    }

    public static void table(BacktestResult result, PrintWriter out) {
        out.printf("%s %s backtest: %d windows of %d bars; MASE (median) scaled by the in-sample seasonal naive error (season %d, 1 where"
                + " the past is shorter), WQL over the model's quantiles; /sn = relative to seasonal-naive%n", result.symbol(), result.timeframe(), result.windows().size(),
                result.horizon(), result.season());
        int nameWidth = Math.max(16, result.models().stream().mapToInt(m -> m.model().length()).max().orElse(0) + 2);
        String format = "%-" + nameWidth + "s %6s %-20s %-20s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, format, "model", "window", "cutoff", "last", "MASE", "WQL", "MASE/sn", "WQL/sn");
        for (ModelScore model : result.models()) {
            for (WindowScore window : model.windows()) {
                out.printf(Locale.ROOT, format, model.model(), window.window().number(), Micros.format(window.cutoffMicros()),
                        Micros.format(window.lastMicros()), fixed(window.mase()), fixed(window.wql()), fixed(window.relativeMase()), fixed(window.relativeWql()));
            }
            out.printf(Locale.ROOT, format, model.model(), "mean", "", "", fixed(model.mase()), fixed(model.wql()),
                    fixed(model.relativeMase()), fixed(model.relativeWql()));
        }
    }

    private static String fixed(double value) {
        // Four significant digits: WQL of prices is often below 0.001, MASE above 10.
        return Double.isFinite(value) ? new BigDecimal(value).round(new MathContext(4)).toPlainString() : "NaN";
    }
}
