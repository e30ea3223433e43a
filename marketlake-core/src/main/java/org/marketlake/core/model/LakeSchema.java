package org.marketlake.core.model;

import static org.marketlake.core.model.Column.optional;
import static org.marketlake.core.model.Column.required;
import static org.marketlake.core.model.ColumnType.DOUBLE;
import static org.marketlake.core.model.ColumnType.INT32;
import static org.marketlake.core.model.ColumnType.STRING;
import static org.marketlake.core.model.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The columns of one kind of lake file, in file order. The first columns are the contract of the lake issue;
 * the nullable columns after them are extras documented in docs/LAKE.md:
 * <ul>
 *   <li>{@code notional} on 1s bars: sum(price x size) of the second's trades, so roll-ups to coarser bars
 *       compute an exact VWAP.</li>
 *   <li>{@code trade_count} on 1m..1d bars, {@code vwap} on 1d bars: carried by roll-ups and the API.</li>
 * </ul>
 */
public record LakeSchema(DataKind kind, List<Column> columns) {
    public static final String SYMBOL = "symbol";
    public static final String TIMESTAMP_COLUMN = "timestamp";
    /** Positions shared by every bar schema. */
    public static final int TS = 1, OPEN = 2, HIGH = 3, LOW = 4, CLOSE = 5, VOLUME = 6;
    /** Positions in the quote schema. */
    public static final int BID_PRICE = 2, BID_SIZE = 3, ASK_PRICE = 4, ASK_SIZE = 5, SPREAD = 6, EXCHANGE = 7;

    public LakeSchema {
        columns = List.copyOf(columns);
        if (columns.size() < 2 || !columns.get(0).name().equals(SYMBOL) || !columns.get(1).name().equals(TIMESTAMP_COLUMN)) {
            throw new IllegalArgumentException("a lake schema starts with symbol, timestamp: " + columns);
        }
    }

    public static LakeSchema of(DataKind kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(required(SYMBOL, STRING));
        columns.add(required(TIMESTAMP_COLUMN, TIMESTAMP));
        switch (kind) {
            case DataKind.Bars bars -> {
                columns.add(required("open", DOUBLE));
                columns.add(required("high", DOUBLE));
                columns.add(required("low", DOUBLE));
                columns.add(required("close", DOUBLE));
                columns.add(required("volume", DOUBLE));
                switch (bars.timeframe()) {
                    case S1 -> {
                        columns.add(optional("trade_count", INT32));
                        columns.add(optional("notional", DOUBLE));
                    }
                    case M1, M5, M15, H1 -> {
                        columns.add(optional("vwap", DOUBLE));
                        columns.add(optional("trade_count", INT32));
                    }
                    case D1 -> {
                        columns.add(optional("vwap", DOUBLE));
                        columns.add(optional("trade_count", INT32));
                    }
                }
            }
            case DataKind.Quotes quotes -> {
                columns.add(required("bid_price", DOUBLE));
                columns.add(optional("bid_size", DOUBLE));
                columns.add(required("ask_price", DOUBLE));
                columns.add(optional("ask_size", DOUBLE));
                columns.add(required("spread", DOUBLE));
                columns.add(optional("exchange", STRING));
            }
        }
        return new LakeSchema(kind, columns);
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** Position of {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Position of {@code name}; a usage error naming the valid columns when there is none. */
    public int index(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new InvalidRequestException("unknown column [value=" + name + "] for " + kind.label() + ": use " + names());
        }
        return index;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).collect(Collectors.toList());
    }

    /** This schema restricted to {@code names}, in the given order; an empty list means every column. */
    public List<Column> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return columns;
        }
        List<Column> selected = new ArrayList<>();
        for (String name : names) {
            Column column = columns.get(index(name.trim()));
            if (selected.contains(column)) {
                throw new InvalidRequestException("column " + column.name() + " is asked for twice in " + names);
            }
            selected.add(column);
        }
        return selected;
    }
}
