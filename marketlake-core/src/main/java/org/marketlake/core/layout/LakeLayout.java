package org.marketlake.core.layout;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/**
 * The only code that builds or parses lake paths:
 * <pre>
 * bars/1s/AAPL.2024-01.parquet     intraday bars: one file per symbol and UTC month
 * bars/1d/AAPL.2024.parquet        daily bars: one file per symbol and UTC year
 * quotes/AAPL.2024-01.parquet      quotes: one file per symbol and UTC month
 * actions/AAPL.parquet             corporate actions: one file per symbol
 * </pre>
 */
public record LakeLayout(Path root) {
    public static final String EXTENSION = ".parquet";
    private static final Pattern MONTHLY = Pattern.compile("(.+)\\.(\\d{4}-\\d{2})\\.parquet");
    private static final String ACTIONS = "actions";
    private static final Pattern ACTIONS_NAME = Pattern.compile("(.+)\\.parquet");
    private static final Pattern YEARLY = Pattern.compile("(.+)\\.(\\d{4})\\.parquet");

    public LakeLayout {
        if (root == null) {
            throw new IllegalArgumentException("lake root is null");
        }
    }

    /**
     * The lake a file belongs to, judged from where it sits: {@code ROOT/quotes/NAME} or
     * {@code ROOT/bars/<timeframe>/NAME}; empty when it sits in neither.
     */
    public static Optional<LakeLayout> of(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent == null || parent.getFileName() == null || parent.getParent() == null) {
            return Optional.empty();
        }
        if (parent.getFileName().toString().equals("quotes") || parent.getFileName().toString().equals(ACTIONS)) {
            return Optional.of(new LakeLayout(parent.getParent()));
        }
        Path bars = parent.getParent();
        if (bars.getFileName() != null && bars.getFileName().toString().equals("bars") && bars.getParent() != null) {
            return Optional.of(new LakeLayout(bars.getParent()));
        }
        return Optional.empty();
    }

    /** A file's identity: what it holds and which period. */
    public record FileKey(DataKind kind, Symbol symbol, Period period) {}

    /** The folder holding every file of {@code kind}. */
    public Path folder(DataKind kind) {
        return switch (kind) {
            case DataKind.Bars bars -> root.resolve("bars").resolve(bars.timeframe().label());
            case DataKind.Quotes quotes -> root.resolve("quotes");
        };
    }

    public Path path(DataKind kind, Symbol symbol, Period period) {
        if (kind.yearly() != (period instanceof Period.Year)) {
            throw new IllegalArgumentException(kind.label() + " files are per " + (kind.yearly() ? "year" : "month") + ", not " + period.label());
        }
        return folder(kind).resolve(symbol.value() + "." + period.label() + EXTENSION);
    }

    /** The path of {@code key}. */
    public Path path(FileKey key) {
        return path(key.kind(), key.symbol(), key.period());
    }

    /** The folder of the corporate-actions files. */
    public Path actionsFolder() {
        return root.resolve(ACTIONS);
    }

    /** The corporate-actions file of {@code symbol}: {@code actions/SYMBOL.parquet}. */
    public Path actionsPath(Symbol symbol) {
        return actionsFolder().resolve(symbol.value() + EXTENSION);
    }

    /** The symbol a corporate-actions file is named for, when it sits in {@code actions/} and is named as above. */
    public Optional<Symbol> parseActions(Path file) {
        String name = file.getFileName().toString();
        Path parent = file.toAbsolutePath().normalize().getParent();
        Matcher matcher = ACTIONS_NAME.matcher(name);
        if (name.startsWith(".") || !actionsFolder().toAbsolutePath().normalize().equals(parent) || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Symbol(matcher.group(1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every kind the layout knows, in display order: bars by timeframe, then quotes. */
    public static java.util.List<DataKind> kinds() {
        java.util.List<DataKind> kinds = new java.util.ArrayList<>();
        for (Timeframe timeframe : Timeframe.values()) {
            kinds.add(DataKind.bars(timeframe));
        }
        kinds.add(DataKind.QUOTES);
        return kinds;
    }

    /**
     * What a data file's name says about it, when it sits in its kind's folder and is named as above; empty for
     * anything else (temporary files start with a dot and never parse).
     */
    public Optional<FileKey> parse(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return Optional.empty();
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        for (DataKind kind : kinds()) {
            if (!folder(kind).toAbsolutePath().normalize().equals(parent)) {
                continue;
            }
            Matcher matcher = (kind.yearly() ? YEARLY : MONTHLY).matcher(name);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                Symbol symbol = new Symbol(matcher.group(1));
                Period period = kind.yearly()
                        ? new Period.Year(Integer.parseInt(matcher.group(2)))
                        : new Period.Month(YearMonth.parse(matcher.group(2)));
                return Optional.of(new FileKey(kind, symbol, period));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
