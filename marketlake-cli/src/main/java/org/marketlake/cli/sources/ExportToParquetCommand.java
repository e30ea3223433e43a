package org.marketlake.cli.sources;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Year;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import org.marketlake.sources.jdbc.ExportReport;
import org.marketlake.sources.jdbc.ExportRequest;
import org.marketlake.sources.jdbc.ExportSelection;
import org.marketlake.sources.jdbc.JdbcExport;
import org.marketlake.sources.jdbc.SourceMapping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake export-to-parquet}: a relational database of bars and quotes into the lake. */
@Command(
        name = "export-to-parquet",
        mixinStandardHelpOptions = true,
        description = {
            "Export bars and quotes from a database (SQLite, PostgreSQL) into the lake, verified and resumable.",
            "Default source layout: tables bars_1s, bars_1m, bars_1d, quotes with the lake's column names plus symbol;"
                    + " other layouts with --mapping (docs/SOURCES.md). The password comes from the URL or PGPASSWORD."
        })
public final class ExportToParquetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--jdbc", required = true, paramLabel = "URL", description = "JDBC URL, e.g. jdbc:sqlite:bars.db or jdbc:postgresql://localhost:5432/market.")
    String url;

    @Option(names = "--user", paramLabel = "U", description = "Database user (the password comes from the URL or $PGPASSWORD, never from an argument).")
    String user;

    @Option(names = "--mapping", paramLabel = "FILE", description = "YAML mapping of tables, columns, timestamp units and zones.")
    Path mapping;

    @Option(names = "--all", description = "Export every symbol of every table.")
    boolean all;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Export one symbol.")
    String symbol;

    @Option(names = "--year", paramLabel = "YYYY", description = "With --symbol: only this UTC year.")
    Integer year;

    @Option(names = "--fetch-size", paramLabel = "ROWS", defaultValue = "10000", description = "Rows per database round trip (default: ${DEFAULT-VALUE}).")
    int fetchSize;

    @Option(names = "--force", description = "Export again what earlier runs finished (they are recorded under <root>/.marketlake/).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportRequest request = new ExportRequest(url, user, System.getenv("PGPASSWORD"),
                mapping == null ? SourceMapping.defaults() : SourceMapping.load(mapping), selection(), fetchSize, force);
        ExportReport report = JdbcExport.run(request, common.lakeToCreate(), common.progress(err));
        for (String line : report.lines()) {
            out.println(line);
        }
        return 0;
    }

    private ExportSelection selection() {
        if (all == (symbol != null)) {
            throw new InvalidRequestException("give either --all or --symbol SYM (with an optional --year YYYY)");
        }
        if (all) {
            if (year != null) {
                throw new InvalidRequestException("--year goes with --symbol, not --all");
            }
            return new ExportSelection.All();
        }
        if (year != null && (year < 1 || year > 9999)) {
            throw new InvalidRequestException("--year out of range [value=" + year + "]");
        }
        return new ExportSelection.OneSymbol(Symbol.of(symbol), year == null ? null : Year.of(year));
    }
}
