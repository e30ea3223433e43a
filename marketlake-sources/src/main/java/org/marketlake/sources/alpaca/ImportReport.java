package org.marketlake.sources.alpaca;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one {@code import-api} run, unit by unit. */
public record ImportReport(List<UnitSummary> units) {
    public ImportReport {
        units = List.copyOf(units);
    }

    public long records() {
        return units.stream().mapToLong(UnitSummary::records).sum();
    }

    public long added() {
        return units.stream().mapToLong(UnitSummary::added).sum();
    }

    /** The summary printed at the end: one line per unit, then the totals. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (UnitSummary unit : units) {
            lines.add(unit.line());
        }
        long fetched = units.stream().filter(u -> u.status() == UnitSummary.Status.FETCHED).count();
        lines.add(String.format("total: %d units fetched, %d done earlier; %d pages, %d records (%d repeated, %d rejected); lake +%d ~%d =%d",
                fetched, units.size() - fetched, units.stream().mapToLong(UnitSummary::pages).sum(), records(),
                units.stream().mapToLong(UnitSummary::repeated).sum(), units.stream().mapToLong(UnitSummary::rejected).sum(),
                added(), units.stream().mapToLong(UnitSummary::replaced).sum(), units.stream().mapToLong(UnitSummary::unchanged).sum()));
        return lines;
    }
}
