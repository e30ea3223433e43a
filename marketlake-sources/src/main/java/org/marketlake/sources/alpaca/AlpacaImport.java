package org.marketlake.sources.alpaca;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.sources.resume.CompletionLog;
import org.marketlake.sources.secret.Redaction;

/**
 * {@code marketlake import-api}: historical trades, quotes and bars from Alpaca into the lake.
 *
 * <p>START and END are New York trading dates, inclusive: the request covers {@code [START 00:00, END+1 00:00)}
 * in America/New_York. The work is split into units, one per symbol and lake file period (a UTC month; a UTC year
 * for daily API bars). A unit is downloaded whole (every page) before anything of it is written, so a failed
 * download writes nothing; once written it is recorded as done under {@code <root>/.marketlake/import-api/} (a
 * unit that ends in the future is never recorded: its data may still grow), and the next run does not fetch it
 * again unless asked to ({@code --force}). The lake's data files after an interrupted and resumed run are those of
 * one clean run, byte for byte.
 */
public final class AlpacaImport {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String TOOL = "import-api";

    private AlpacaImport() {}

    /**
     * Runs the import; {@code onUnit} hears of each unit as it finishes (the command prints a line for each). Failures,
     * their causes and suppressed failures (the HTTP client's text included) pass through {@link Redaction}.
     */
    public static ImportReport run(ImportRequest request, AlpacaClient client, Lake lake, Progress progress, Consumer<UnitSummary> onUnit) {
        try {
            return importAll(request, client, lake, progress, onUnit);
        } catch (RuntimeException failure) {
            throw client.redaction.redact(failure);
        }
    }

    private static ImportReport importAll(ImportRequest request, AlpacaClient client, Lake lake, Progress progress, Consumer<UnitSummary> onUnit) {
        long from = Micros.of(request.start().atStartOfDay(NEW_YORK).toInstant());
        long to = Micros.of(request.end().plusDays(1).atStartOfDay(NEW_YORK).toInstant());
        CompletionLog log = CompletionLog.open(lake.root(), TOOL, client.identity() + "|" + request.feed().label() + "|" + request.adjustment().label());
        List<UnitSummary> units = new ArrayList<>();
        try {
            for (Symbol symbol : request.symbols()) {
                long cursor = from;
                while (cursor < to) {
                    Period period = request.target().unitOf(cursor);
                    long end = Math.min(period.endMicros(), to);
                    String unit = CompletionLog.unit(List.of(request.target().label().replace(' ', '_'), symbol.value(), period.label(),
                            Micros.format(cursor), Micros.format(end)));
                    UnitSummary summary;
                    if (!request.refetch() && log.isDone(unit)) {
                        summary = new UnitSummary(symbol.value(), period.label(), UnitSummary.Status.DONE_EARLIER, 0, 0, 0, 0, 0, 0, 0, 0);
                    } else {
                        summary = fetchUnit(request, client, lake, progress, symbol, period, cursor, end);
                        if (end <= Micros.of(Instant.now())) {
                            log.markDone(unit);
                        }
                    }
                    units.add(summary);
                    onUnit.accept(summary);
                    cursor = end;
                }
            }
        } finally {
            progress.finish();
        }
        return new ImportReport(units);
    }

    /**
     * Spots records a page repeats from the page before it. Pages are sorted by {@code t}, so only a record stamped at
     * or before the previous page's last {@code t} can be a repeat; the previous page's keys are built only when such
     * a record turns up (normally never), keeping the common path free of per-record keys.
     */
    private static final class RepeatFilter {
        private Page previous;
        private Page current;
        private long previousLast = Long.MIN_VALUE;
        private Set<String> previousKeys;

        void next(Page page) {
            previous = current;
            current = page;
            previousLast = previous == null || previous.size == 0 ? Long.MIN_VALUE : previous.nanos[previous.size - 1];
            previousKeys = null;
        }

        boolean isRepeat(int row) {
            if (current.nanos[row] > previousLast) {
                return false;
            }
            if (previousKeys == null) {
                previousKeys = new HashSet<>(previous.size * 2);
                for (int i = 0; i < previous.size; i++) {
                    previousKeys.add(previous.key(i));
                }
            }
            return previousKeys.contains(current.key(row));
        }
    }

    private static UnitSummary fetchUnit(ImportRequest request, AlpacaClient client, Lake lake, Progress progress, Symbol symbol,
            Period period, long start, long end) {
        long started = System.nanoTime();
        ImportTarget target = request.target();
        String timeframe = target instanceof ImportTarget.ApiBars bars ? ImportTarget.apiTimeframe(bars.timeframe()) : null;
        AlpacaClient.Query query = new AlpacaClient.Query(target.shape(), symbol, Micros.toInstant(start), Micros.toInstant(end),
                request.feed(), timeframe, target instanceof ImportTarget.ApiBars ? request.adjustment() : null);
        long[] counts = new long[4]; // records, repeated, rejected, pages
        try (UnitSink sink = UnitSink.of(target, symbol)) {
            RepeatFilter repeats = new RepeatFilter();
            client.fetchAll(query, page -> {
                repeats.next(page);
                for (int row = 0; row < page.size; row++) {
                    long micros = UnitSink.micros(page.nanos[row]);
                    if (micros < start || micros >= end) {
                        continue; // not this unit's: the API answered beyond what was asked
                    }
                    counts[0]++;
                    if (repeats.isRepeat(row)) {
                        counts[1]++;
                    } else if (!sink.accept(page, row)) {
                        counts[2]++;
                    }
                }
                counts[3]++;
                progress.update("import-api", counts[0], -1, symbol + " " + period.label() + " page " + counts[3]);
            });
            WriteResult written = sink.write(lake, new TimeRange(start, end - 1));
            return new UnitSummary(symbol.value(), period.label(), UnitSummary.Status.FETCHED, (int) counts[3], counts[0], counts[1], counts[2],
                    written.added(), written.replaced(), written.unchanged(), (System.nanoTime() - started) / 1e9);
        }
    }
}
