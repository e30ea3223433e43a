package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import java.io.PrintWriter;
import org.marketlake.core.model.Catalogue;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.ForbiddenStatementException;
import org.marketlake.core.actions.Adjustments;
import org.marketlake.core.sql.SqlResult;
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
                "Views: bars_1s, bars_1m, bars_5m, bars_15m, bars_1h, bars_1d, quotes (all symbols and months).",
                "Read-only: one SELECT/WITH/FROM/DESCRIBE/SHOW/SUMMARIZE statement over the views; writes, other files,",
                "ATTACH and extensions are refused (exit 2). --unsafe lifts that; --print-views prints the views.",
                "--adjust split|all makes the bars_* views adjusted for corporate actions (and adds a view adjustment_factors)."})
public final class SqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "One read-only query, e.g. \"SELECT symbol, count(*) FROM bars_1m GROUP BY 1\".")
    String sql;

    @Mixin
    OutputOptions output;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Print timestamps in this zone.")
    String tz;

    @Option(names = "--unsafe", description = "Full DuckDB: any statement, any file, extensions. The lake's views are still checked files.")
    boolean unsafe;

    @Option(names = "--print-views", description = "Print the CREATE VIEW statements over the lake's checked files (to paste into your own DuckDB) and stop.")
    boolean printViews;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @Mixin
    SkippedFiles skipped;

    @Override
    public Integer call() {
        Lake lake = common.lake();
        Catalogue catalogue = lake.catalogue();
        PrintWriter err = spec.commandLine().getErr();
        skipped.report(catalogue.problems(), err);
        if (printViews) {
            Adjustments.viewText(lake, catalogue, adjust.adjustment()).forEach(spec.commandLine().getOut()::println);
            return skipped.exitCode();
        }
        if (sql == null) {
            throw new InvalidRequestException("give the SQL to run, or --print-views");
        }
        OutputTarget target = output.target(common.root(), true);
        Path writable = target.format() == OutputFormat.PARQUET ? target.file() : null;
        try (LakeSql lakeSql = unsafe ? Adjustments.unsafeSql(lake, catalogue, adjust.adjustment())
                : Adjustments.sql(lake, catalogue, adjust.adjustment(), writable)) {
            if (target.format() == OutputFormat.PARQUET) {
                lakeSql.copyToParquet(sql, target.file());
            } else {
                SqlResult result = unsafe ? lakeSql.query(sql) : lakeSql.readOnlyQuery(sql);
                Output.print(Rows.of(result), target.format(), target.file(), TimestampParser.zone(tz), spec.commandLine().getOut());
            }
        } catch (ForbiddenStatementException e) {
            throw new ForbiddenStatementException(e.getMessage() + "; --unsafe runs full DuckDB", e);
        }
        return skipped.exitCode();
    }
}
