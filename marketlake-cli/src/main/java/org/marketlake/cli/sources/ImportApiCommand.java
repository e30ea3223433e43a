package org.marketlake.cli.sources;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import java.util.function.Consumer;
import org.marketlake.sources.alpaca.Adjustment;
import org.marketlake.sources.alpaca.AlpacaActionsImport;
import org.marketlake.sources.alpaca.UnitSummary;
import org.marketlake.sources.alpaca.AlpacaClient;
import org.marketlake.sources.alpaca.AlpacaImport;
import org.marketlake.sources.alpaca.Feed;
import org.marketlake.sources.alpaca.ImportReport;
import org.marketlake.sources.alpaca.ImportRequest;
import org.marketlake.sources.alpaca.ImportTarget;
import org.marketlake.sources.alpaca.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketlake import-api}: trades, quotes and bars from Alpaca's market-data API into the lake. */
@Command(
        name = "import-api",
        mixinStandardHelpOptions = true,
        description = {
            "Import from Alpaca's market-data API (v2 stocks): 1s bars from trades (with 1m and 1d roll-ups), 1m/1d bars"
                    + " (the API's, or --from-trades), or quotes kept one per second. START and END are New York trading dates, inclusive.",
            "import-api actions SYMBOLS START END: corporate actions (splits, reverse splits, cash and stock dividends) with ex-dates"
                    + " in START..END from /v1/corporate-actions into actions/SYMBOL.parquet.",
            "Keys come from APCA_API_KEY_ID and APCA_API_SECRET_KEY. Finished months are recorded under <root>/.marketlake/"
                    + " and not fetched again unless --force."
        })
public final class ImportApiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TIMEFRAME|quotes|actions", description = "1s, 1m, 5m, 15m, 1h, 1d, quotes or actions.")
    String target;

    @Parameters(index = "1", paramLabel = "SYMBOLS", description = "One symbol or a comma list: AAPL or AAPL,MSFT.")
    String symbols;

    @Parameters(index = "2", paramLabel = "START", converter = org.marketlake.cli.convert.DateConverter.class, description = "First New York trading date, YYYY-MM-DD.")
    LocalDate start;

    @Parameters(index = "3", paramLabel = "END", converter = org.marketlake.cli.convert.DateConverter.class, description = "Last New York trading date, YYYY-MM-DD (inclusive).")
    LocalDate end;

    @Option(names = "--feed", paramLabel = "iex|sip", defaultValue = "iex", description = "Data feed (default: ${DEFAULT-VALUE}).")
    String feed;

    @Option(names = "--adjustment", paramLabel = "raw|split|dividend|all", defaultValue = "raw", description = "Adjustment of the API's bars (default: ${DEFAULT-VALUE}).")
    String adjustment;

    @Option(names = "--from-trades", description = "Build 1m/1d bars from trades instead of taking the API's bars.")
    boolean fromTrades;

    @Option(names = "--base-url", paramLabel = "URL", description = "API endpoint (default: https://data.alpaca.markets).")
    String baseUrl;

    @Option(names = "--force", description = "Fetch again what earlier runs finished.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // One line per finished unit (symbol, month, pages, records, rate) on stderr, terminal or not, unless --quiet.
        boolean quiet = spec.commandLine().getParseResult().hasMatchedOption("--quiet");
        Consumer<UnitSummary> onUnit = unit -> {
            if (!quiet) {
                err.println("import-api: " + unit.line());
                err.flush();
            }
        };
        ImportReport report;
        if (target.equals("actions")) {
            AlpacaActionsImport.Request request = new AlpacaActionsImport.Request(symbolList(), start, end, force);
            report = AlpacaActionsImport.run(request, client(), common.lakeToCreate(), onUnit);
        } else {
            ImportRequest request = new ImportRequest(ImportTarget.parse(target, fromTrades), symbolList(), start, end,
                    Feed.parse(feed), Adjustment.parse(adjustment), force);
            report = AlpacaImport.run(request, client(), common.lakeToCreate(), common.progress(err), onUnit);
        }
        report.lines().forEach(out::println);
        return 0;
    }

    private AlpacaClient client() {
        return AlpacaClient.fromEnvironment(url(), System.getenv(), RetryPolicy.DEFAULT);
    }

    private List<Symbol> symbolList() {
        List<Symbol> list = new ArrayList<>();
        for (String part : symbols.split(",", -1)) {
            list.add(Symbol.of(part.strip()));
        }
        return list;
    }

    private URI url() {
        if (baseUrl == null) {
            return AlpacaClient.DEFAULT_BASE_URL;
        }
        try {
            return new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("--base-url is not a URL [value=" + baseUrl + "]");
        }
    }
}
