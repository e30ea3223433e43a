package org.marketlake.ingest.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;

/**
 * Do the stored roll-ups (1m ... 1d) agree with the stored 1s bars they derive from? For every symbol with 1s
 * bars and every coarser timeframe it has files of, the roll-up is derived again from the stored 1s bars and
 * compared bar by bar with the stored one: a bar that differs, or that the 1s bars imply and the roll-up file of
 * that period lacks, is a problem. Bars with no 1s bars under them (ingested as bars, or imported) are left alone,
 * and so is a period that has 1s bars but no roll-up file at all (the ingest that wrote it did not ask for that
 * timeframe). Which session a daily file was rolled over is not stored, so each 1d file is judged against the
 * session ({@link Session}) its bars agree with most.
 */
public final class RollupCheck {
    private static final DataKind SECONDS = DataKind.bars(Timeframe.S1);

    private RollupCheck() {}

    /** One roll-up file that disagrees with the 1s bars: how many bars differ or are missing, and the first. */
    public record Disagreement(Path file, long differing, long missing, String first) {
        public String describe(Path root) {
            Path absolute = file.toAbsolutePath().normalize();
            Path shown = absolute.startsWith(root) ? root.relativize(absolute) : file;
            if (differing == 0 && missing == 0) {
                return shown + ": roll-ups of " + first;
            }
            return shown + ": " + (differing > 0 ? differing + (differing == 1 ? " bar differs" : " bars differ") : "")
                    + (differing > 0 && missing > 0 ? " and " : "")
                    + (missing > 0 ? missing + (missing == 1 ? " bar is" : " bars are") + " missing" : "")
                    + " against the stored 1s bars (first: " + first + ")";
        }
    }

    /** Every roll-up file that disagrees with the stored 1s bars; empty when all agree. */
    public static List<Disagreement> check(Lake lake) {
        List<Disagreement> problems = new ArrayList<>();
        for (Symbol symbol : lake.symbols(SECONDS)) {
            TimeRange span = secondsSpan(lake, symbol);
            for (Timeframe timeframe : rolledUp(lake, symbol)) {
                try {
                    problems.addAll(judge(lake, symbol, timeframe, span).problems());
                } catch (InvalidDataException unreadable) {
                    // The file check names the unreadable file; its roll-ups cannot be judged until it is fixed.
                    problems.add(new Disagreement(lake.root().resolve("bars").resolve(timeframe.label()), 0, 0,
                            "not checked: " + unreadable.getMessage()));
                }
            }
        }
        return problems;
    }

    /** Rebuilds, in one commit, every roll-up the check compares, from the stored 1s bars. */
    public static WriteResult repair(Lake lake) {
        return lake.commit(commit -> {
            List<WriteResult> results = new ArrayList<>();
            for (Symbol symbol : commit.symbols(SECONDS)) {
                TimeRange span = secondsSpan(commit, symbol);
                for (Timeframe timeframe : rolledUp(commit, symbol)) {
                    Session session = judge(commit, symbol, timeframe, span).session();
                    results.add(Rollup.fromStoredSeconds(commit, symbol, Set.of(timeframe), span, session));
                }
            }
            return WriteResult.combine(results);
        });
    }

    private static TimeRange secondsSpan(Lake lake, Symbol symbol) {
        List<LakeFile> files = lake.files(SECONDS, symbol);
        return new TimeRange(TimeRange.of(files.get(0).period()).startMicros(), TimeRange.of(files.get(files.size() - 1).period()).endMicros());
    }

    private static List<Timeframe> rolledUp(Lake lake, Symbol symbol) {
        List<Timeframe> timeframes = new ArrayList<>();
        for (Timeframe timeframe : Timeframe.values()) {
            if (timeframe != Timeframe.S1 && !lake.files(DataKind.bars(timeframe), symbol).isEmpty()) {
                timeframes.add(timeframe);
            }
        }
        return timeframes;
    }

    /** A timeframe's disagreements under the session its files agree with most. */
    private record Judgement(Session session, List<Disagreement> problems) {
        long wrong() {
            return problems.stream().mapToLong(p -> p.differing() + p.missing()).sum();
        }
    }

    /**
     * The timeframe's files against the 1s bars: intraday bars do not depend on the session; a daily file is
     * judged under each session once, and the one its bars agree with most is kept (with its problems).
     */
    private static Judgement judge(Lake lake, Symbol symbol, Timeframe timeframe, TimeRange span) {
        if (!timeframe.isDaily()) {
            return new Judgement(Session.REGULAR, compare(lake, symbol, timeframe, span, Session.REGULAR));
        }
        Judgement best = null;
        for (Session session : Session.values()) {
            Judgement judged = new Judgement(session, compare(lake, symbol, timeframe, span, session));
            if (best == null || judged.wrong() < best.wrong()) {
                best = judged;
            }
        }
        return best;
    }

    private static List<Disagreement> compare(Lake lake, Symbol symbol, Timeframe timeframe, TimeRange span, Session session) {
        DataKind kind = DataKind.bars(timeframe);
        Set<Period> stored = new java.util.HashSet<>();
        lake.files(kind, symbol).forEach(file -> stored.add(file.period()));
        Map<Period, Disagreement> problems = new java.util.TreeMap<>();
        Rollup.derive(lake, symbol, Set.of(timeframe), span, session, expected -> {
            Period period = Period.containing(kind, expected.timestamps()[0]);
            if (!stored.contains(period)) {
                return;
            }
            Disagreement found = compare(lake.pathOf(kind, symbol, period), expected,
                    lake.read(kind, symbol, TimeRange.of(period), List.of()));
            if (found != null) {
                problems.merge(period, found, (a, b) -> new Disagreement(a.file(), a.differing() + b.differing(), a.missing() + b.missing(), a.first()));
            }
        });
        return List.copyOf(problems.values());
    }

    private static Disagreement compare(Path file, Frame expected, Frame stored) {
        Map<Long, Integer> storedRows = new HashMap<>(stored.size() * 2);
        long[] storedTs = stored.timestamps();
        for (int row = 0; row < stored.size(); row++) {
            storedRows.put(storedTs[row], row);
        }
        long differing = 0;
        long missing = 0;
        String first = null;
        long[] ts = expected.timestamps();
        for (int row = 0; row < expected.size(); row++) {
            Integer at = storedRows.get(ts[row]);
            if (at == null) {
                missing++;
                first = first != null ? first : Micros.format(ts[row]) + " is missing";
                continue;
            }
            for (int column = 0; column < expected.columns().size(); column++) {
                String name = expected.columns().get(column).name();
                int storedColumn = stored.indexOf(name);
                Object want = expected.value(column, row);
                Object have = storedColumn < 0 ? null : stored.value(storedColumn, at);
                if (!Objects.equals(want, have)) {
                    differing++;
                    first = first != null ? first : Micros.format(ts[row]) + " " + name + " is " + have + ", the 1s bars give " + want;
                    break;
                }
            }
        }
        return first == null ? null : new Disagreement(file, differing, missing, first);
    }
}
