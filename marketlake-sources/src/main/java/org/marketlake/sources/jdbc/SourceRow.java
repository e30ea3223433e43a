package org.marketlake.sources.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;

/**
 * One source row being read: its values by lake schema position, checked against the lake's write rules before
 * it joins a batch, so one bad row is counted and left out instead of failing its whole month. Reused for every
 * row of a query (no allocation per row).
 */
final class SourceRow {
    private final SourceTable table;
    private final boolean dynamic;
    private final LakeSchema schema;
    private final int[] lakeColumns;
    private final double[] doubles;
    private final int[] ints;
    private final String[] strings;
    long timestamp;

    SourceRow(SourceTable table, boolean dynamic) {
        this.table = table;
        this.dynamic = dynamic;
        this.schema = table.kind().schema();
        this.lakeColumns = table.lakeColumns().stream().mapToInt(Integer::intValue).toArray();
        this.doubles = new double[schema.size()];
        this.ints = new int[schema.size()];
        this.strings = new String[schema.size()];
    }

    /** Reads the value columns (result set positions 2...) of the current row; a rejection or null. */
    Rejection read(ResultSet results) throws SQLException {
        for (int i = 0; i < lakeColumns.length; i++) {
            int lake = lakeColumns[i];
            int position = i + 2;
            String name = schema.column(lake).name();
            switch (schema.column(lake).type()) {
                case DOUBLE -> {
                    Rejection rejection = readDouble(results, position, lake, name);
                    if (rejection != null) {
                        return rejection;
                    }
                }
                case INT32 -> {
                    Object value = results.getObject(position);
                    if (value == null) {
                        ints[lake] = ColumnType.NULL_INT;
                    } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                            && number.longValue() >= 0 && number.longValue() < Integer.MAX_VALUE) {
                        ints[lake] = number.intValue();
                    } else {
                        return new Rejection(Rejection.BAD_VALUE, name, String.valueOf(value));
                    }
                }
                case STRING -> strings[lake] = results.getString(position);
                case TIMESTAMP -> throw new IllegalStateException("a lake value column is never a timestamp: " + name);
            }
        }
        return check();
    }

    private Rejection readDouble(ResultSet results, int position, int lake, String name) throws SQLException {
        double value;
        boolean isNull;
        if (dynamic) {
            Object read = results.getObject(position);
            isNull = read == null;
            if (read == null) {
                value = Double.NaN;
            } else if (read instanceof Number number) {
                value = number.doubleValue();
            } else if (read instanceof String text) {
                try {
                    value = Double.parseDouble(text.strip());
                } catch (NumberFormatException e) {
                    return new Rejection(Rejection.BAD_NUMBER, name, text);
                }
            } else {
                return new Rejection(Rejection.BAD_NUMBER, name, String.valueOf(read));
            }
        } else {
            value = results.getDouble(position);
            isNull = results.wasNull();
        }
        if (isNull) {
            if (!schema.column(lake).nullable()) {
                return new Rejection(Rejection.NULL_VALUE, name, "null");
            }
            doubles[lake] = Double.NaN;
            return null;
        }
        if (Double.isNaN(value)) {
            // A stored NaN is not a null: the lake holds nulls as NaN, so a NaN price would silently become "no value".
            return new Rejection(Rejection.BAD_NUMBER, name, "NaN");
        }
        doubles[lake] = value;
        return null;
    }

    /** The lake's write rules, so the lake itself never has to refuse a month for one row. */
    private Rejection check() {
        return switch (table.kind()) {
            case DataKind.Bars bars -> {
                for (int column = LakeSchema.OPEN; column <= LakeSchema.CLOSE; column++) {
                    if (!(doubles[column] > 0) || Double.isInfinite(doubles[column])) {
                        yield Rejection.of(Rejection.BAD_PRICE, schema.column(column).name(), doubles[column]);
                    }
                }
                double volume = doubles[LakeSchema.VOLUME];
                if (!(volume >= 0) || Double.isInfinite(volume)) {
                    yield Rejection.of(Rejection.BAD_VOLUME, "volume", volume);
                }
                double low = doubles[LakeSchema.LOW];
                double high = doubles[LakeSchema.HIGH];
                if (low > Math.min(doubles[LakeSchema.OPEN], doubles[LakeSchema.CLOSE])) {
                    yield Rejection.of(Rejection.INCONSISTENT_OHLC, "low", low);
                }
                if (high < Math.max(doubles[LakeSchema.OPEN], doubles[LakeSchema.CLOSE])) {
                    yield Rejection.of(Rejection.INCONSISTENT_OHLC, "high", high);
                }
                Rejection extra = checkOptional("vwap", true);
                if (extra == null) {
                    extra = checkOptional("notional", false);
                }
                if (extra == null && bars.timeframe().isDaily() && Math.floorMod(timestamp, Micros.PER_DAY) != 0) {
                    extra = new Rejection(Rejection.DAILY_NOT_MIDNIGHT, LakeSchema.TIMESTAMP_COLUMN, Micros.format(timestamp));
                }
                // Bars are stamped at the start of their interval; the lake refuses any other stamp.
                if (extra == null && Math.floorMod(timestamp, bars.timeframe().micros()) != 0) {
                    extra = new Rejection(Rejection.NOT_ON_INTERVAL, LakeSchema.TIMESTAMP_COLUMN, Micros.format(timestamp));
                }
                yield extra;
            }
            case DataKind.Quotes quotes -> {
                double bid = doubles[LakeSchema.BID_PRICE];
                double ask = doubles[LakeSchema.ASK_PRICE];
                if (!(bid > 0) || Double.isInfinite(bid)) {
                    yield Rejection.of(Rejection.BAD_PRICE, "bid_price", bid);
                }
                if (!(ask > 0) || Double.isInfinite(ask)) {
                    yield Rejection.of(Rejection.BAD_PRICE, "ask_price", ask);
                }
                if (ask < bid) {
                    yield Rejection.of(Rejection.CROSSED_QUOTE, "ask_price", ask);
                }
                for (int column : new int[] {LakeSchema.BID_SIZE, LakeSchema.ASK_SIZE}) {
                    double size = doubles[column];
                    if (!Double.isNaN(size) && (size < 0 || Double.isInfinite(size))) {
                        yield Rejection.of(Rejection.BAD_SIZE, schema.column(column).name(), size);
                    }
                }
                yield null;
            }
        };
    }

    private Rejection checkOptional(String name, boolean price) {
        int column = schema.indexOf(name);
        if (column < 0 || Double.isNaN(doubles[column])) {
            return null;
        }
        double value = doubles[column];
        boolean bad = Double.isInfinite(value) || (price ? value <= 0 : value < 0);
        return bad ? Rejection.of(price ? Rejection.BAD_PRICE : Rejection.BAD_VALUE, name, value) : null;
    }

    /** Appends this (checked) row to {@code builder}; the quote spread is computed here, never read. */
    void appendTo(Frame.Builder builder) {
        int row = builder.add(timestamp);
        for (int lake : lakeColumns) {
            switch (schema.column(lake).type()) {
                case DOUBLE -> builder.setDouble(lake, row, doubles[lake]);
                case INT32 -> builder.setInt(lake, row, ints[lake]);
                case STRING -> builder.setString(lake, row, strings[lake]);
                case TIMESTAMP -> throw new IllegalStateException("unexpected timestamp column");
            }
        }
        if (table.kind() instanceof DataKind.Quotes) {
            builder.setDouble(LakeSchema.SPREAD, row, doubles[LakeSchema.ASK_PRICE] - doubles[LakeSchema.BID_PRICE]);
        }
    }
}
