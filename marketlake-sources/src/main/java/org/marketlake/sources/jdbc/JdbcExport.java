package org.marketlake.sources.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.MarketLakeException;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.sources.resume.CompletionLog;
import org.marketlake.sources.secret.Redaction;

/**
 * Exports a relational database of bars and quotes into the lake ({@code marketlake export-to-parquet}).
 *
 * <p>Per table and symbol, one query streams the rows in timestamp order with a fetch size (PostgreSQL only keeps
 * a cursor with auto-commit off), so memory holds about two lake files of rows whatever the table's size. Each row
 * is checked against the lake's rules as it is read; a finished month (year for daily bars) goes to a second
 * thread that writes it through {@link Lake#write} while the next month is read, so both cores work. After each
 * write the counts are verified (read = written + rejected; the lake's added + replaced + unchanged = written) and
 * the month is recorded as done under {@code <root>/.marketlake/export-to-parquet/}: a rerun skips it.
 */
public final class JdbcExport {
    /**
     * How far past a month's end the stream must move before the month is written when the source's order is not
     * exactly the instants' order: rows are ordered by the column as stored, and ISO text with mixed offsets can be
     * off by up to a day. Zoned timestamps and dates order exactly: their month is written when the next one starts.
     */
    private static final long SETTLE_MICROS = 2 * Micros.PER_DAY;
    private static final String TOOL = "export-to-parquet";
    /** Writes in flight while the next month is read: memory holds about two months of rows at most. */
    private static final int MAX_PENDING_WRITES = 1;

    private final ExportRequest request;
    private final Lake lake;
    private final Progress progress;
    private final Rejections examples = new Rejections();
    private final List<PeriodSummary> summaries = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private CompletionLog log;
    private ExecutorService writer;
    private long rowsRead;

    private JdbcExport(ExportRequest request, Lake lake, Progress progress) {
        this.request = request;
        this.lake = lake;
        this.progress = progress;
    }

    /**
     * Runs one export; see the class comment. Failures are {@link InvalidRequestException} (exit 2) or {@link InvalidDataException},
     * their messages, causes and suppressed failures (the driver's text included) passed through {@link Redaction}.
     */
    public static ExportReport run(ExportRequest request, Lake lake, Progress progress) {
        try {
            return new JdbcExport(request, lake, progress).run();
        } catch (RuntimeException failure) {
            throw request.redaction().redact(failure);
        }
    }

    private ExportReport run() {
        boolean sqlite = JdbcUrls.isSqlite(request.url());
        try (Connection connection = connect()) {
            List<SourceTable> tables = new ArrayList<>();
            for (TableMapping mapping : request.mapping().tables()) {
                var found = SourceTable.find(connection, mapping, sqlite);
                if (found.isPresent()) {
                    tables.add(found.get());
                } else if (request.mapping().explicit().contains(mapping.kind())) {
                    throw new InvalidRequestException("the source has no table " + mapping.table() + " [url=" + Redaction.text(request.url())
                            + "], which the mapping names for " + mapping.kind().viewName());
                }
            }
            if (tables.isEmpty()) {
                throw new InvalidRequestException("the source has none of the tables bars_1s, bars_1m, bars_1d, quotes [url=" + Redaction.text(request.url())
                        + "]: name yours in a mapping (see docs/SOURCES.md)").about("mapping");
            }
            log = CompletionLog.open(lake.root(), TOOL, identity());
            if (request.restart()) {
                log.clear();
            }
            // A cursor that streams: PostgreSQL fetches fetchSize rows at a time only inside a transaction.
            connection.setAutoCommit(false);
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "export-writer");
                thread.setDaemon(true);
                return thread;
            });
            for (SourceTable table : tables) {
                for (String symbol : symbols(connection, table)) {
                    exportSymbol(connection, table, symbol, sqlite);
                }
            }
            drain(0);
            connection.rollback();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (writer != null) {
                writer.shutdownNow();
            }
            progress.finish();
        }
        List<PeriodSummary> sorted = new ArrayList<>(summaries);
        List<String> order = LakeLayout.kinds().stream().map(DataKind::viewName).toList();
        sorted.sort(Comparator.comparing((PeriodSummary s) -> order.indexOf(s.kind()))
                .thenComparing(PeriodSummary::symbol).thenComparing(PeriodSummary::period));
        return new ExportReport(sorted, examples.examples());
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (request.user() != null) {
            properties.setProperty("user", request.user());
        }
        if (request.password() != null && !JdbcUrls.hasPassword(request.url())) {
            properties.setProperty("password", request.password());
        }
        try {
            return DriverManager.getConnection(request.url(), properties);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D") || e.getMessage().contains("No suitable driver")) {
                throw new InvalidRequestException("cannot connect [url=" + Redaction.text(request.url()) + "]: " + firstLine(e.getMessage())
                        + " (check the URL, the user and PGPASSWORD)", e).about("jdbc", "user");
            }
            throw e;
        }
    }

    /** Names the source for the completion log: URL without a password, user and mapping (never a secret). */
    private String identity() {
        StringBuilder text = new StringBuilder(Redaction.text(request.url())).append('|').append(request.user());
        for (TableMapping table : request.mapping().tables()) {
            text.append('|').append(table.kind().viewName()).append('=').append(table.table()).append(new TreeMap<>(table.columns()))
                    .append(table.unit().label()).append(table.zone());
        }
        return text.toString();
    }

    private List<String> symbols(Connection connection, SourceTable table) throws SQLException {
        return switch (request.selection()) {
            case ExportSelection.OneSymbol one -> List.of(one.symbol().value());
            case ExportSelection.All all -> {
                Set<String> symbols = new TreeSet<>();
                String sql = "SELECT DISTINCT " + table.symbolColumn() + " FROM " + table.mapping().table();
                try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
                    while (results.next()) {
                        String symbol = results.getString(1);
                        symbols.add(symbol == null ? "" : symbol);
                    }
                }
                List<String> list = new ArrayList<>(symbols);
                if (symbols.remove("")) {
                    rejectWhole(connection, table, null, Rejection.NULL_SYMBOL);
                    list.remove("");
                }
                yield list;
            }
        };
    }

    /** Counts and rejects every row of a symbol that cannot be a lake symbol (or is null). */
    private void rejectWhole(Connection connection, SourceTable table, String symbol, String reason) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + table.mapping().table() + " WHERE " + table.symbolColumn() + (symbol == null ? " IS NULL" : " = ?");
        long count;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (symbol != null) {
                statement.setString(1, symbol);
            }
            try (ResultSet results = statement.executeQuery()) {
                results.next();
                count = results.getLong(1);
            }
        }
        String shown = symbol == null ? "null" : symbol;
        examples.example(new Rejection(reason, table.symbolColumn(), shown), table.mapping().table(), shown, Long.MIN_VALUE);
        summaries.add(new PeriodSummary(table.kind().viewName(), shown, "-", PeriodSummary.Status.REJECTED_ONLY, count, 0,
                Map.of(reason, count), 0, 0, 0));
    }

    private void exportSymbol(Connection connection, SourceTable table, String symbolText, boolean sqlite) throws SQLException {
        Symbol symbol;
        try {
            symbol = Symbol.of(symbolText);
        } catch (InvalidRequestException invalid) {
            if (request.selection() instanceof ExportSelection.OneSymbol) {
                throw invalid;
            }
            rejectWhole(connection, table, symbolText, Rejection.INVALID_SYMBOL);
            return;
        }
        TimeRange wanted = TimeRange.ALL;
        String bounds = null;
        List<Object> parameters = new ArrayList<>();
        if (request.selection() instanceof ExportSelection.OneSymbol one && one.year() != null) {
            LocalDate first = one.year().atDay(1);
            LocalDate next = first.plusYears(1);
            wanted = new TimeRange(Micros.of(first.atStartOfDay().toInstant(ZoneOffset.UTC)), Micros.of(next.atStartOfDay().toInstant(ZoneOffset.UTC)) - 1);
            bounds = bounds(table, sqlite, first.minusDays(2), next.plusDays(2), parameters);
        }
        DataKind kind = table.kind();
        SourceTimestamps timestamps = new SourceTimestamps(table.timestampMode(), table.mapping().unit(), table.mapping().zone());
        SourceRow row = new SourceRow(table, sqlite);
        TreeMap<Period, PeriodBatch> open = new TreeMap<>();
        Set<Period> closed = new HashSet<>();
        Set<Period> doneEarlier = new TreeSet<>();
        PeriodBatch noTimestamp = new PeriodBatch(table, symbol, null);
        Period current = null;
        // The current period's bounds, cached: Period computes them from calendar fields on every call.
        long currentStart = 0;
        long currentEnd = 0;
        boolean currentDone = false;
        boolean currentClosed = false;
        PeriodBatch batch = null;
        long settleAt = Long.MAX_VALUE;
        long settleMicros = switch (table.timestampMode()) {
            case OFFSET, DATE -> 0;
            // Wall-clock order can run back an hour when clocks go back; text order can be off by a day.
            case LOCAL, DYNAMIC -> SETTLE_MICROS;
        };
        try (PreparedStatement statement = connection.prepareStatement(table.selectSql(bounds), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(request.fetchSize());
            statement.setString(1, symbolText);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 2, parameters.get(i));
            }
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    long timestamp = timestamps.read(results, 1);
                    if (timestamps.reason != null) {
                        noTimestamp.reject(new Rejection(timestamps.reason, table.timestampColumn(), String.valueOf(results.getObject(1))), Long.MIN_VALUE, examples);
                        continue;
                    }
                    if (!wanted.contains(timestamp)) {
                        continue;
                    }
                    if (timestamp >= settleAt) {
                        settleAt = settle(open, closed, symbol, timestamp, settleMicros);
                    }
                    if (current == null || timestamp < currentStart || timestamp >= currentEnd) {
                        current = Period.containing(kind, timestamp);
                        currentStart = current.startMicros();
                        currentEnd = current.endMicros();
                        currentDone = log.isDone(unit(kind, symbol, current));
                        currentClosed = closed.contains(current);
                        batch = open.get(current);
                    }
                    if (currentDone) {
                        doneEarlier.add(current);
                        continue;
                    }
                    row.timestamp = timestamp;
                    if (currentClosed) {
                        noTimestamp.reject(new Rejection(Rejection.UNSORTED_SOURCE, table.timestampColumn(), Micros.format(timestamp)), timestamp, examples);
                        continue;
                    }
                    if (batch == null) {
                        batch = new PeriodBatch(table, symbol, current);
                        open.put(current, batch);
                        settleAt = open.firstKey().endMicros() + settleMicros;
                    }
                    Rejection rejection = row.read(results);
                    if (rejection == null) {
                        batch.accept(row);
                    } else {
                        batch.reject(rejection, timestamp, examples);
                    }
                    if (++rowsRead % 65_536 == 0) {
                        progress.update("export", rowsRead, -1, kind.label() + " " + symbol + " " + current.label());
                    }
                }
            }
        }
        settle(open, closed, symbol, Long.MAX_VALUE, settleMicros);
        for (Period period : doneEarlier) {
            summaries.add(new PeriodSummary(kind.viewName(), symbol.value(), period.label(), PeriodSummary.Status.DONE_EARLIER, 0, 0, Map.of(), 0, 0, 0));
        }
        if (noTimestamp.read() > 0) {
            summaries.add(new PeriodSummary(kind.viewName(), symbol.value(), "-", PeriodSummary.Status.REJECTED_ONLY, noTimestamp.read(), 0,
                    noTimestamp.rejected(), 0, 0, 0));
        }
    }

    /**
     * Hands every open month that the stream has moved well past to the writer; returns the instant at which the
     * next settle is due.
     */
    private long settle(TreeMap<Period, PeriodBatch> open, Set<Period> closed, Symbol symbol, long now, long settleMicros) {
        while (!open.isEmpty() && (now == Long.MAX_VALUE || open.firstKey().endMicros() + settleMicros <= now)) {
            PeriodBatch batch = open.pollFirstEntry().getValue();
            closed.add(batch.period());
            Frame frame = batch.close(examples);
            drain(MAX_PENDING_WRITES - 1);
            pending.add(writer.submit(() -> write(batch, symbol, frame)));
        }
        return open.isEmpty() ? Long.MAX_VALUE : open.firstKey().endMicros() + settleMicros;
    }

    private void write(PeriodBatch batch, Symbol symbol, Frame frame) {
        DataKind kind = frame.kind();
        long added = 0;
        long replaced = 0;
        long unchanged = 0;
        if (!frame.isEmpty()) {
            WriteResult result = lake.write(frame);
            added = result.added();
            replaced = result.replaced();
            unchanged = result.unchanged();
            if (added + replaced + unchanged != frame.size()) {
                throw new InvalidDataException("verification failed for " + kind.label() + " " + symbol + " " + batch.period().label() + ": wrote "
                        + frame.size() + " rows but the lake reports added " + added + ", replaced " + replaced + ", unchanged " + unchanged);
            }
        }
        PeriodSummary summary = new PeriodSummary(kind.viewName(), symbol.value(), batch.period().label(), PeriodSummary.Status.EXPORTED,
                batch.read(), frame.size(), batch.rejected(), added, replaced, unchanged);
        if (!summary.balanced()) {
            throw new InvalidDataException("verification failed for " + kind.label() + " " + symbol + " " + batch.period().label() + ": read "
                    + summary.read() + " rows, wrote " + summary.written() + ", rejected " + summary.rejectedCount());
        }
        log.markDone(unit(kind, symbol, batch.period()));
        summaries.add(summary);
        progress.update("export", frame.size(), -1, kind.label() + " " + symbol + " " + batch.period().label() + " written");
    }

    /** Waits until at most {@code maxPending} writes are in flight; a failed write fails the export. */
    private void drain(int maxPending) {
        while (pending.size() > maxPending) {
            try {
                pending.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidDataException("export interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MarketLakeException known) {
                    throw known;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new InvalidDataException("writing to the lake failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** A SQL condition on the timestamp column for {@code [from, to)}, in the column's own terms. */
    private static String bounds(SourceTable table, boolean sqlite, LocalDate from, LocalDate to, List<Object> parameters) {
        String column = table.timestampColumn();
        long fromMicros = Micros.of(from.atStartOfDay().toInstant(ZoneOffset.UTC));
        long toMicros = Micros.of(to.atStartOfDay().toInstant(ZoneOffset.UTC));
        TimestampUnit unit = table.mapping().unit();
        return switch (table.timestampMode()) {
            case OFFSET -> {
                parameters.add(from.atStartOfDay().atOffset(ZoneOffset.UTC));
                parameters.add(to.atStartOfDay().atOffset(ZoneOffset.UTC));
                yield column + " >= ? AND " + column + " < ?";
            }
            case LOCAL -> {
                LocalDateTime start = from.atStartOfDay();
                parameters.add(start);
                parameters.add(to.atStartOfDay());
                yield column + " >= ? AND " + column + " < ?";
            }
            case DATE -> {
                parameters.add(from);
                parameters.add(to);
                yield column + " >= ? AND " + column + " < ?";
            }
            case DYNAMIC -> {
                if (sqlite) {
                    // SQLite orders every integer or real before any text: bound each storage class on its own.
                    parameters.addAll(List.of(unit.fromMicros(fromMicros), unit.fromMicros(toMicros), from.toString(), to.toString()));
                    yield "((typeof(" + column + ") IN ('integer', 'real') AND " + column + " >= ? AND " + column + " < ?)"
                            + " OR (typeof(" + column + ") = 'text' AND " + column + " >= ? AND " + column + " < ?))";
                }
                if (table.numericTimestamps()) {
                    parameters.add(unit.fromMicros(fromMicros));
                    parameters.add(unit.fromMicros(toMicros));
                    yield column + " >= ? AND " + column + " < ?";
                }
                yield null;
            }
        };
    }

    private static String unit(DataKind kind, Symbol symbol, Period period) {
        return CompletionLog.unit(List.of(kind.label(), symbol.value(), period.label()));
    }

    private RuntimeException failure(SQLException e) {
        return new InvalidDataException("reading the source failed [url=" + Redaction.text(request.url()) + "]: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
