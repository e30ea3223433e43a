package org.marketlake.sources.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.ActionsWrite;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;
import org.marketlake.sources.resume.CompletionLog;

/**
 * {@code marketlake import-api actions}: corporate actions with ex-dates in START..END from Alpaca into the lake's
 * {@code actions/SYMBOL.parquet}, through the same client, retries and resume log as bars. A symbol's unit is
 * downloaded whole (every page) before it is written as one commit; it is then recorded as done (unless END is today
 * or later: more may be announced) and not fetched again unless {@code refetch}.
 */
public final class AlpacaActionsImport {
    private static final String TOOL = "import-api";

    private AlpacaActionsImport() {}

    /** The request: symbols and inclusive ex-date range; {@code refetch} fetches again what earlier runs finished. */
    public record Request(List<Symbol> symbols, LocalDate start, LocalDate end, boolean refetch) {
        public Request {
            symbols = List.copyOf(symbols);
            if (symbols.isEmpty()) {
                throw new InvalidRequestException("give at least one symbol").about("symbols");
            }
            if (start == null || end == null || end.isBefore(start)) {
                throw new InvalidRequestException("the end " + end + " is before the start " + start).about("end");
            }
        }
    }

    public static ImportReport run(Request request, AlpacaClient client, Lake lake, Consumer<UnitSummary> onUnit) {
        try {
            return importAll(request, client, lake, onUnit);
        } catch (RuntimeException failure) {
            throw client.redaction.redact(failure);
        }
    }

    private static ImportReport importAll(Request request, AlpacaClient client, Lake lake, Consumer<UnitSummary> onUnit) {
        CompletionLog log = CompletionLog.open(lake.root(), TOOL, client.identity() + "|corporate-actions");
        String period = request.start() + ".." + request.end();
        List<UnitSummary> units = new ArrayList<>();
        for (Symbol symbol : request.symbols()) {
            String unit = CompletionLog.unit(List.of("actions", symbol.value(), request.start().toString(), request.end().toString()));
            UnitSummary summary;
            if (!request.refetch() && log.isDone(unit)) {
                summary = new UnitSummary(symbol.value(), period, UnitSummary.Status.DONE_EARLIER, 0, 0, 0, 0, 0, 0, 0, 0);
            } else {
                long started = System.nanoTime();
                List<CorporateAction> actions = new ArrayList<>();
                int[] ignored = {0};
                int pages = client.fetchActions(symbol, request.start(), request.end(), page -> {
                    actions.addAll(page.actions());
                    ignored[0] += page.ignored();
                });
                ActionsWrite written = actions.isEmpty() ? new ActionsWrite(lake.root(), 0, 0, 0, 0) : lake.writeActions(symbol, actions);
                summary = new UnitSummary(symbol.value(), period, UnitSummary.Status.FETCHED, pages, actions.size() + ignored[0], 0, ignored[0],
                        written.added(), written.replaced(), written.unchanged(), (System.nanoTime() - started) / 1e9);
                if (request.end().isBefore(LocalDate.ofInstant(Instant.now(), ZoneId.of("America/New_York")))) {
                    log.markDone(unit);
                }
            }
            units.add(summary);
            onUnit.accept(summary);
        }
        return new ImportReport(units);
    }
}
