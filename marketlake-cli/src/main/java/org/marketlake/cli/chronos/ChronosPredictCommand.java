package org.marketlake.cli.chronos;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.forecast.chronos.ChronosBolt;
import org.marketlake.forecast.chronos.ChronosForecast;
import org.marketlake.forecast.chronos.ForecastOutput;
import org.marketlake.forecast.chronos.SeriesInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake chronos predict}: forecasts raw series from a file with a Chronos-Bolt checkpoint, no lake. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast raw series with a Chronos-Bolt checkpoint (config.json + model.safetensors).",
            "Input: JSON {\"series\": [[1.0, null, ...], ...]} (null = missing) or CSV, one column per series, "
                    + "rows aligned at the end, blank = missing.",
            "Output on stdout: JSON {\"quantile_levels\", \"quantiles\" [series][quantile][step], \"mean\"} "
                    + "or CSV series,step,q0.1,...,q0.9,mean."
        })
final class ChronosPredictCommand implements Callable<Integer> {
    enum Format { json, csv }

    @Mixin
    NoLakeOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Checkpoint folder, e.g. amazon/chronos-bolt-small downloaded.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Series as .json or .csv.")
    Path input;

    @Option(names = {"--horizon", "--prediction-length"}, required = true, paramLabel = "H", description = "Steps to forecast.")
    int predictionLength;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (predictionLength < 1) {
            throw new InvalidRequestException("--horizon must be at least 1, got " + predictionLength);
        }
        double[][] series = SeriesInput.read(input);
        ChronosForecast forecast = ChronosBolt.load(model).predict(series, predictionLength);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> ForecastOutput.writeJson(forecast, out);
            case csv -> ForecastOutput.writeCsv(forecast, out);
        }
        return 0;
    }
}
