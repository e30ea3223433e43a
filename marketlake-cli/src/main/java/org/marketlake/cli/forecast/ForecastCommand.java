package org.marketlake.cli.forecast;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CalendarOption;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.forecast.output.ForecastOutput;
import org.marketlake.forecast.ForecastRequest;
import org.marketlake.forecast.LakeForecasts;
import org.marketlake.forecast.model.TimedForecast;
import org.marketlake.forecast.chart.ForecastChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake forecast}: quantile forecasts of a symbol's closes, with timestamps from its session calendar. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast a symbol's bar closes: quantiles 0.1..0.9 and the mean per future step, each with its timestamp.",
            "Without --model: seasonal naive (season: a trading day of bars, see docs/FORECAST.md).",
            "Future steps follow the session calendar the symbol's bars show (no steps at night or on weekends for an equity)."
        })
public final class ForecastCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @Spec
    CommandSpec spec;

    @Mixin
    SeriesOptions series;

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "seasonal-naive",
            description = "Chronos-Bolt checkpoint folder, or naive, seasonal-naive, drift (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--horizon", required = true, paramLabel = "H", description = "Steps to forecast.")
    int horizon;

    @Option(names = "--at", paramLabel = "TIME", converter = org.marketlake.cli.convert.TimePointConverter.class,
            description = "Forecast as of TIME (bars starting before it are the history): 2013-10-07T15:00:00Z, 2013-10-07T11:00-04:00, a date (its start), or 2013-10-07T11:00 with --tz.")
    org.marketlake.core.time.TimePoint at;

    @Option(names = "--tz", paramLabel = "ZONE", converter = org.marketlake.cli.convert.ZoneConverter.class,
            description = "Zone of an --at without an offset, and of a date, e.g. America/New_York (default: none; a date is then UTC).")
    java.time.ZoneId tz;

    @Mixin
    CalendarOption calendar;

    @Mixin
    OutputOptions output;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw history, median and 10-90%% band to this PNG.")
    Path chart;

    @Override
    public Integer call() {
        ForecastRequest request = new ForecastRequest(series.symbol(), series.timeframe(), model,
                series.contextLength(), horizon, at == null ? Long.MAX_VALUE : at.first(tz), calendar.asked());
        OutputTarget target = output.target(common.root(), false);
        TimedForecast result = LakeForecasts.forecast(org.marketlake.core.actions.Adjustments.adjusting(common.lake(), adjust.adjustment()), request);
        PrintWriter out = spec.commandLine().getOut();
        if (target.format() == OutputFormat.TABLE) {
            Output.write(target.file(), out, writer -> ForecastOutput.table(result, writer));
        } else {
            boolean records = target.format() == OutputFormat.JSON || target.format() == OutputFormat.JSONL;
            Output.print(ForecastOutput.rows(result, records), target.format(), target.file(), null, out);
        }
        if (chart != null) {
            ForecastChart.write(result, chart, ForecastChart.defaultHistoryBars(horizon));
            spec.commandLine().getErr().println("chart: " + chart);
        }
        return 0;
    }
}
