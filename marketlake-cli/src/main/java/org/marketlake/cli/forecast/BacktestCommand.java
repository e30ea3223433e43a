package org.marketlake.cli.forecast;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.forecast.output.BacktestOutput;
import org.marketlake.forecast.backtest.BacktestRequest;
import org.marketlake.forecast.backtest.BacktestResult;
import org.marketlake.forecast.LakeBacktests;
import org.marketlake.forecast.chart.BacktestChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake backtest}: rolling-origin windows over lake data, scored with fev's MASE and WQL. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Backtest forecasters on a symbol's closes: N windows of H bars, stepping back by H from the last bar.",
            "Scores per window and averaged: MASE (median, scaled by the in-sample seasonal naive error) and WQL, each also relative to seasonal naive on the same windows (see docs/FORECAST.md)."
        })
public final class BacktestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @Spec
    CommandSpec spec;

    @Mixin
    SeriesOptions series;

    @Option(names = "--model", required = true, split = ",", paramLabel = "MODEL",
            description = "Models to score: naive, seasonal-naive, drift or a Chronos-Bolt checkpoint folder; repeat or separate by commas.")
    List<String> models;

    @Option(names = "--horizon", required = true, paramLabel = "H", description = "Bars per window.")
    int horizon;

    @Option(names = "--windows", required = true, paramLabel = "N", description = "Number of windows.")
    int windows;

    @Mixin
    OutputOptions output;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the per-window scores to this PNG.")
    Path chart;

    @Override
    public Integer call() {
        BacktestRequest request = new BacktestRequest(series.symbol(), series.timeframe(), models, horizon, windows,
                series.contextLength());
        OutputTarget target = output.target(common.root(), false);
        BacktestResult result = LakeBacktests.run(org.marketlake.core.actions.Adjustments.adjusting(common.lake(), adjust.adjustment()), request);
        PrintWriter out = spec.commandLine().getOut();
        switch (target.format()) {
            // The table (with its heading) and the JSON document are the backtest's own shapes; csv and jsonl are its records.
            case TABLE -> Output.write(target.file(), out, writer -> BacktestOutput.table(result, writer));
            case JSON -> Output.write(target.file(), out, writer -> BacktestOutput.json(result, writer));
            default -> Output.print(BacktestOutput.rows(result), target.format(), target.file(), null, out);
        }
        if (chart != null) {
            BacktestChart.write(result, chart);
            spec.commandLine().getErr().println("chart: " + chart);
        }
        return 0;
    }
}
