package org.marketlake.sources.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one export: a line per lake file touched (or skipped as done earlier) and the rejected rows by
 * reason, with the first examples of each.
 */
public record ExportReport(List<PeriodSummary> periods, List<String> examples) {
    public ExportReport {
        periods = List.copyOf(periods);
        examples = List.copyOf(examples);
    }

    public long read() {
        return periods.stream().mapToLong(PeriodSummary::read).sum();
    }

    public long written() {
        return periods.stream().mapToLong(PeriodSummary::written).sum();
    }

    public long rejected() {
        return periods.stream().mapToLong(PeriodSummary::rejectedCount).sum();
    }

    /** Rejected rows by reason over the whole export, sorted by reason. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> total = new TreeMap<>();
        for (PeriodSummary period : periods) {
            period.rejected().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    /** The summary table printed at the end of {@code export-to-parquet}. */
    public List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", "symbol", "period", "status", "read", "written", "rejected", "added", "replaced", "unchanged"});
        for (PeriodSummary period : periods) {
            boolean done = period.status() == PeriodSummary.Status.DONE_EARLIER;
            rows.add(new String[] {period.kind(), period.symbol(), period.period(), status(period.status()),
                done ? "-" : Long.toString(period.read()), done ? "-" : Long.toString(period.written()),
                done ? "-" : Long.toString(period.rejectedCount()), done ? "-" : Long.toString(period.added()),
                done ? "-" : Long.toString(period.replaced()), done ? "-" : Long.toString(period.unchanged())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                // Text columns left-aligned, counts right-aligned.
                line.append(c < 4 ? String.format("%-" + widths[c] + "s", cell) : String.format("%" + widths[c] + "s", cell));
                line.append(c + 1 < row.length ? "  " : "");
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add(String.format("total: read %d, written %d, rejected %d", read(), written(), rejected()));
        Map<String, Long> reasons = rejectedByReason();
        if (!reasons.isEmpty()) {
            StringBuilder line = new StringBuilder("rejected by reason:");
            reasons.forEach((reason, count) -> line.append(' ').append(reason).append('=').append(count));
            lines.add(line.toString());
            for (String example : examples) {
                lines.add("  " + example);
            }
        }
        return lines;
    }

    private static String status(PeriodSummary.Status status) {
        return switch (status) {
            case EXPORTED -> "exported";
            case DONE_EARLIER -> "done earlier";
            case REJECTED_ONLY -> "rejected";
        };
    }
}
