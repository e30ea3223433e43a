package org.marketlake.core.query;

import org.marketlake.core.model.LakeFile;

import org.marketlake.core.store.Lake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Micros;

/** What the lake holds: its files grouped by kind and symbol, as {@code marketlake ls} prints it. */
public record Inventory(List<LakeFile> files, List<org.marketlake.core.model.ActionsFile> actions) {
    public Inventory {
        files = List.copyOf(files);
        actions = List.copyOf(actions);
    }

    public Inventory(List<LakeFile> files) {
        this(files, List.of());
    }

    /** The catalogue's checked files: bars, quotes and corporate actions. */
    public static Inventory of(org.marketlake.core.model.Catalogue catalogue) {
        return new Inventory(catalogue.files(), catalogue.actions());
    }

    public static Inventory of(Lake lake) {
        return of(lake.catalogue());
    }

    public boolean isEmpty() {
        return files.isEmpty() && actions.isEmpty();
    }

    /**
     * Per kind, timeframe and symbol: the number of files ({@code months}; for daily bars, one file per year, so
     * years), the first and last period, rows, bytes, first and last timestamp.
     */
    public record Entry(String kind, String symbol, int files, String firstPeriod, String lastPeriod, long rows, long bytes,
            long firstMicros, long lastMicros) {}

    public List<Entry> entries() {
        Map<String, List<LakeFile>> groups = new LinkedHashMap<>();
        for (LakeFile file : files) {
            groups.computeIfAbsent(file.kind().label() + "\u0000" + file.symbol().value(), k -> new ArrayList<>()).add(file);
        }
        List<Entry> entries = new ArrayList<>();
        for (List<LakeFile> group : groups.values()) {
            LakeFile first = group.get(0);
            long rows = 0;
            long bytes = 0;
            long firstTs = Long.MAX_VALUE;
            long lastTs = Long.MIN_VALUE;
            String firstPeriod = first.period().label();
            String lastPeriod = firstPeriod;
            for (LakeFile file : group) {
                rows += file.rows();
                bytes += file.bytes();
                if (file.rows() > 0) {
                    firstTs = Math.min(firstTs, file.firstMicros());
                    lastTs = Math.max(lastTs, file.lastMicros());
                }
                if (file.period().compareTo(first.period()) < 0) {
                    firstPeriod = file.period().label();
                }
                lastPeriod = file.period().label().compareTo(lastPeriod) > 0 ? file.period().label() : lastPeriod;
            }
            entries.add(new Entry(first.kind().label(), first.symbol().value(), group.size(), firstPeriod, lastPeriod, rows, bytes,
                    rows == 0 ? 0 : firstTs, rows == 0 ? 0 : lastTs));
        }
        return entries;
    }

    public Rows symbolRows() {
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries()) {
            boolean quotes = e.kind().equals("quotes");
            // Daily bars are one file per year, everything else one per month: say which, with the plural right.
            String unit = e.kind().equals("1d") ? "year" : "month";
            rows.add(new Object[] {quotes ? "quotes" : "bars", quotes ? null : e.kind(), e.symbol(), e.files() + " " + unit + (e.files() == 1 ? "" : "s"),
                e.firstPeriod().equals(e.lastPeriod()) ? e.firstPeriod() : e.firstPeriod() + ".." + e.lastPeriod(),
                e.rows(), e.bytes(), e.rows() == 0 ? null : instant(e.firstMicros()), e.rows() == 0 ? null : instant(e.lastMicros())});
        }
        for (var file : actions) {
            // One file per symbol; its periods are the first and last ex-dates.
            String first = file.firstExDate() == null ? null : file.firstExDate().toString();
            String last = file.lastExDate() == null ? null : file.lastExDate().toString();
            rows.add(new Object[] {"actions", null, file.symbol().value(), "1 file", first == null ? "" : first.equals(last) ? first : first + ".." + last,
                file.rows(), file.bytes(), first, last});
        }
        return Rows.table(List.of("kind", "timeframe", "symbol", "files", "periods", "rows", "bytes", "first", "last"), rows);
    }

    public Rows fileRows() {
        List<Object[]> rows = new ArrayList<>();
        for (LakeFile f : files) {
            rows.add(new Object[] {f.path().toString(), f.rows(), f.bytes(),
                f.rows() == 0 ? null : instant(f.firstMicros()), f.rows() == 0 ? null : instant(f.lastMicros())});
        }
        for (var file : actions) {
            rows.add(new Object[] {file.path().toString(), file.rows(), file.bytes(), file.firstExDate() == null ? null : file.firstExDate().toString(),
                file.lastExDate() == null ? null : file.lastExDate().toString()});
        }
        return Rows.table(List.of("file", "rows", "bytes", "first", "last"), rows);
    }

    private static Instant instant(long micros) {
        return Micros.toInstant(micros);
    }
}
