package org.marketlake.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Micros;

/** The lake file format: its Parquet schema per kind and the key-value metadata every file carries. */
final class ParquetFormat {
    static final String META_PREFIX = "marketlake.";
    static final String SCHEMA_VERSION = "1";
    static final String WRITER = "marketlake 0.1";

    private ParquetFormat() {}

    static MessageType messageType(DataKind kind) {
        return messageType(kind, kind.schema().columns());
    }

    static MessageType messageType(DataKind kind, List<Column> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : columns) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            switch (column.type()) {
                case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
                case TIMESTAMP -> message.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(column.name());
                case DOUBLE -> message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
                case INT32 -> message.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            }
        }
        return message.named(kind instanceof DataKind.Quotes ? "quote" : "bar");
    }

    /** The key-value metadata describing a file holding {@code rows} (sorted); the commit that wrote it is {@link FileProvenance}'s. */
    static Map<String, String> metadata(RowsToWrite rows) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(META_PREFIX + "schema_version", SCHEMA_VERSION);
        metadata.put(META_PREFIX + "kind", rows.kind() instanceof DataKind.Quotes ? "quotes" : "bars");
        metadata.put(META_PREFIX + "timeframe", rows.kind() instanceof DataKind.Bars bars ? bars.timeframe().label() : "");
        metadata.put(META_PREFIX + "symbol", rows.symbol().value());
        metadata.put(META_PREFIX + "rows", Integer.toString(rows.size()));
        metadata.put(META_PREFIX + "first_timestamp", rows.size() == 0 ? "" : Micros.format(rows.timestamp(0)));
        metadata.put(META_PREFIX + "last_timestamp", rows.size() == 0 ? "" : Micros.format(rows.timestamp(rows.size() - 1)));
        metadata.put(META_PREFIX + "writer", WRITER);
        return metadata;
    }

    /** Writes {@code frame} (full schema, sorted, validated) to the new file {@code target} and forces it to disk. */
}
