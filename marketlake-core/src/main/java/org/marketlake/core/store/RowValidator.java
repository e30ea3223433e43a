package org.marketlake.core.store;

import java.util.function.LongFunction;
import org.marketlake.core.format.NumberText;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;

/**
 * The write rules, one row at a time: every row inside its file's period, finite prices,
 * {@code low <= min(open, close)}, {@code max(open, close) <= high}, volume and sizes {@code >= 0},
 * quotes with {@code bid > 0} and {@code ask >= bid}. Ordering and duplicates are checked by the caller.
 */
final class RowValidator {
    private RowValidator() {}

    /**
     * Checks row {@code row} of {@code frame}; {@code period} may be null when the caller checks periods itself.
     * {@code rowNumber} is what the error reports.
     */
    static void check(Frame frame, int row, long rowNumber, Period period, LongFunction<String> fileOf) {
        long ts = frame.timestamps()[row];
        String file = null; // named lazily: building a path per row would dominate large writes
        try {
        if (period != null && !period.contains(ts)) {
            throw new ValidationException(fileOf.apply(ts), rowNumber, "timestamp", Micros.format(ts), "outside the file's period " + period.label() + " (UTC)");
        }
        switch (frame.kind()) {
            case DataKind.Bars bars -> checkBar(frame, row, rowNumber, file);
            case DataKind.Quotes quotes -> checkQuote(frame, row, rowNumber, file);
        }
        } catch (ValidationException e) {
            if (e.file() != null) {
                throw e;
            }
            throw new ValidationException(fileOf.apply(ts), e.row(), e.column(), e.value(), e.reason());
        }
    }

    private static void checkBar(Frame frame, int row, long rowNumber, String file) {
        double open = price(frame, "open", row, rowNumber, file);
        double high = price(frame, "high", row, rowNumber, file);
        double low = price(frame, "low", row, rowNumber, file);
        double close = price(frame, "close", row, rowNumber, file);
        if (low > Math.min(open, close)) {
            throw new ValidationException(file, rowNumber, "low", text(low), "low is above min(open, close) = " + text(Math.min(open, close)));
        }
        if (high < Math.max(open, close)) {
            throw new ValidationException(file, rowNumber, "high", text(high), "high is below max(open, close) = " + text(Math.max(open, close)));
        }
        nonNegative(frame, "volume", row, rowNumber, file, false);
        if (frame.hasColumn("trade_count")) {
            int count = frame.ints("trade_count")[row];
            if (count != ColumnType.NULL_INT && count < 0) {
                throw new ValidationException(file, rowNumber, "trade_count", Integer.toString(count), "trade_count is negative");
            }
        }
        if (frame.hasColumn("vwap")) {
            double vwap = frame.doubles("vwap")[row];
            if (!Double.isNaN(vwap) && (Double.isInfinite(vwap) || vwap <= 0)) {
                throw new ValidationException(file, rowNumber, "vwap", text(vwap), "vwap must be a positive finite number or null");
            }
        }
        if (frame.hasColumn("notional")) {
            nonNegative(frame, "notional", row, rowNumber, file, true);
        }
    }

    private static void checkQuote(Frame frame, int row, long rowNumber, String file) {
        double bid = price(frame, "bid_price", row, rowNumber, file);
        double ask = price(frame, "ask_price", row, rowNumber, file);
        if (bid <= 0) {
            throw new ValidationException(file, rowNumber, "bid_price", text(bid), "bid_price must be > 0");
        }
        if (ask < bid) {
            throw new ValidationException(file, rowNumber, "ask_price", text(ask), "crossed quote: ask_price is below bid_price " + text(bid));
        }
        nonNegative(frame, "bid_size", row, rowNumber, file, true);
        nonNegative(frame, "ask_size", row, rowNumber, file, true);
    }

    private static double price(Frame frame, String column, int row, long rowNumber, String file) {
        double value = frame.doubles(column)[row];
        if (!Double.isFinite(value)) {
            throw new ValidationException(file, rowNumber, column, text(value), column + " must be a finite number");
        }
        if (value <= 0 && !column.equals("bid_price")) {
            throw new ValidationException(file, rowNumber, column, text(value), column + " must be > 0");
        }
        return value;
    }

    private static void nonNegative(Frame frame, String column, int row, long rowNumber, String file, boolean nullable) {
        double value = frame.doubles(column)[row];
        if (Double.isNaN(value) && nullable) {
            return;
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new ValidationException(file, rowNumber, column, text(value), column + " must be a finite number >= 0");
        }
    }

    static String text(double value) {
        return NumberText.format(value);
    }

    /** Fills the quote schema's {@code spread} with ask - bid: the lake computes it and never takes it from input. */
    static void computeSpread(Frame frame) {
        if (frame.kind() instanceof DataKind.Quotes) {
            double[] bid = frame.doubles("bid_price");
            double[] ask = frame.doubles("ask_price");
            double[] spread = frame.doubles("spread");
            for (int i = 0; i < frame.size(); i++) {
                spread[i] = ask[i] - bid[i];
            }
        }
    }

    static boolean sameSchema(Frame frame) {
        return frame.columns().equals(LakeSchema.of(frame.kind()).columns());
    }
}
