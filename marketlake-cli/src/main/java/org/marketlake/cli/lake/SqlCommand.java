package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.CommonOptions;
import org.marketlake.cli.Output;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.time.TimestampParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"SQL over the whole lake through embedded DuckDB (session time zone UTC).",
                "Views: bars_1s, bars_1m, bars_5m, bars_15m, bars_1h, bars_1d, quotes (all symbols and months)."})
public final class SqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT symbol, count(*) FROM bars_1m GROUP BY 1\".")
    String sql;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table, csv, jsonl or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Print timestamps in this zone.")
    String tz;

    @Override
    public Integer call() {
        OutputFormat outputFormat = OutputFormat.parse(format);
        try (LakeSql lakeSql = common.lake().sql()) {
            if (outputFormat == OutputFormat.PARQUET) {
                if (output == null) {
                    throw new InvalidRequestException("--format parquet needs --output FILE");
                }
                lakeSql.copyToParquet(sql, output);
            } else {
                Output.print(Rows.of(lakeSql.query(sql)), outputFormat, output, TimestampParser.zone(tz), spec.commandLine().getOut());
            }
        }
        return 0;
    }
}
