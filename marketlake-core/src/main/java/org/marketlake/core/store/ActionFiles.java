package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.ActionType;
import org.marketlake.core.model.ActionsFile;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.Symbol;

/**
 * The corporate-actions file of one symbol, {@code actions/SYMBOL.parquet}: ZSTD Parquet with the columns
 * {@code symbol, ex_date (DATE), type, ratio, cash_amount, source}, sorted by ex_date and type, one row group.
 * Its footer says {@code marketlake.kind=actions} and the symbol, like every lake file.
 */
final class ActionFiles {
    static final String KIND = "actions";
    static final MessageType SCHEMA = Types.buildMessage()
            .primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED).as(LogicalTypeAnnotation.stringType()).named("symbol")
            .primitive(PrimitiveTypeName.INT32, Type.Repetition.REQUIRED).as(LogicalTypeAnnotation.dateType()).named("ex_date")
            .primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED).as(LogicalTypeAnnotation.stringType()).named("type")
            .primitive(PrimitiveTypeName.DOUBLE, Type.Repetition.OPTIONAL).named("ratio")
            .primitive(PrimitiveTypeName.DOUBLE, Type.Repetition.OPTIONAL).named("cash_amount")
            .primitive(PrimitiveTypeName.BINARY, Type.Repetition.OPTIONAL).as(LogicalTypeAnnotation.stringType()).named("source")
            .named("corporate_action");

    private ActionFiles() {}

    /** Writes {@code actions} (one symbol's, sorted, validated) to the new file {@code target} and forces it to disk. */
    static void write(Symbol symbol, List<CorporateAction> actions, Path target, Map<String, String> provenance) throws IOException {
        ParquetProperties properties = ParquetFileWrites.properties().build();
        ParquetFileWriter fileWriter = ParquetFileWrites.open(SCHEMA, target, properties);
        boolean done = false;
        try (ColumnChunkPageWriteStore pages = ParquetFileWrites.pageStore(SCHEMA, properties)) {
            fileWriter.start();
            ColumnWriteStore store = properties.newColumnWriteStore(SCHEMA, pages, pages);
            List<ColumnDescriptor> columns = SCHEMA.getColumns();
            ColumnWriter[] writers = new ColumnWriter[columns.size()];
            for (int c = 0; c < writers.length; c++) {
                writers[c] = store.getColumnWriter(columns.get(c));
            }
            for (CorporateAction action : actions) {
                writers[0].write(Binary.fromString(symbol.value()), 0, 0);
                writers[1].write((int) action.exDate().toEpochDay(), 0, 0);
                writers[2].write(Binary.fromString(action.type().label()), 0, 0);
                writeOptional(writers[3], action.ratio());
                writeOptional(writers[4], action.cashAmount());
                if (action.source().isEmpty()) {
                    writers[5].writeNull(0, 0);
                } else {
                    writers[5].write(Binary.fromString(action.source()), 0, 1);
                }
                store.endRecord();
            }
            store.flush();
            fileWriter.startBlock(actions.size());
            pages.flushToFileWriter(fileWriter);
            fileWriter.endBlock();
            store.close();
            Map<String, String> metadata = new java.util.LinkedHashMap<>(metadata(symbol, actions));
            metadata.putAll(provenance);
            fileWriter.end(metadata);
            done = true;
        } finally {
            if (!done) {
                fileWriter.abort();
            }
        }
    }

    private static void writeOptional(ColumnWriter writer, double value) {
        if (Double.isNaN(value)) {
            writer.writeNull(0, 0);
        } else {
            writer.write(value, 0, 1);
        }
    }

    private static Map<String, String> metadata(Symbol symbol, List<CorporateAction> actions) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ParquetFormat.META_PREFIX + "schema_version", ParquetFormat.SCHEMA_VERSION);
        metadata.put(ParquetFormat.META_PREFIX + "kind", KIND);
        metadata.put(ParquetFormat.META_PREFIX + "symbol", symbol.value());
        metadata.put(ParquetFormat.META_PREFIX + "rows", Integer.toString(actions.size()));
        metadata.put(ParquetFormat.META_PREFIX + "writer", ParquetFormat.WRITER);
        return metadata;
    }

    /**
     * The actions in {@code file}, after checking its footer (schema, kind, symbol) and every row against the rules
     * of {@link CorporateAction}: a file that fails is an error naming it, never data.
     */
    static List<CorporateAction> read(Path file, String name, Symbol symbol) {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            List<String> problems = footerProblems(reader, symbol);
            if (!problems.isEmpty()) {
                throw new InvalidDataException("lake file disagrees with its name [file=" + name + "]: " + problems.get(0));
            }
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            List<CorporateAction> actions = new ArrayList<>();
            long row = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
                List<ColumnReader> columns = new ArrayList<>();
                for (ColumnDescriptor descriptor : schema.getColumns()) {
                    columns.add(store.getColumnReader(descriptor));
                }
                for (long i = 0; i < pages.getRowCount(); i++) {
                    row++;
                    String storedSymbol = columns.get(0).getBinary().toStringUsingUTF8();
                    LocalDate exDate = LocalDate.ofEpochDay(columns.get(1).getInteger());
                    String type = columns.get(2).getBinary().toStringUsingUTF8();
                    double ratio = optionalDouble(columns.get(3));
                    double cash = optionalDouble(columns.get(4));
                    String source = columns.get(5).getCurrentDefinitionLevel() == 1 ? columns.get(5).getBinary().toStringUsingUTF8() : "";
                    for (int c = 0; c < 3; c++) {
                        columns.get(c).consume();
                    }
                    columns.get(5).consume();
                    actions.add(checked(name, row, symbol, storedSymbol, exDate, type, ratio, cash, source));
                }
            }
            for (int i = 1; i < actions.size(); i++) {
                if (ORDER.compare(actions.get(i - 1), actions.get(i)) >= 0) {
                    throw new InvalidDataException("invalid lake file [file=" + name + ", row=" + (i + 1) + ", column=ex_date, value="
                            + actions.get(i).exDate() + "]: actions are not sorted by ex_date and type, or repeat one");
                }
            }
            return actions;
        } catch (InvalidDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException("cannot read lake file [file=" + name + "]: " + e.getMessage(), e);
        }
    }

    private static double optionalDouble(ColumnReader reader) {
        double value = reader.getCurrentDefinitionLevel() == 1 ? reader.getDouble() : Double.NaN;
        reader.consume();
        return value;
    }

    private static CorporateAction checked(String name, long row, Symbol symbol, String storedSymbol, LocalDate exDate, String typeText,
            double ratio, double cash, String source) {
        if (!symbol.value().equals(storedSymbol)) {
            throw new InvalidDataException("invalid lake file [file=" + name + ", row=" + row + ", column=symbol, value=" + storedSymbol
                    + "]: the file holds " + symbol + "'s actions");
        }
        ActionType type = ActionType.of(typeText).orElseThrow(() -> new InvalidDataException("invalid lake file [file=" + name + ", row=" + row
                + ", column=type, value=" + typeText + "]: use " + ActionType.labels()));
        var problem = CorporateAction.problem(type, ratio, cash);
        if (problem.isPresent()) {
            throw new InvalidDataException("invalid lake file [file=" + name + ", row=" + row + ", column=" + problem.get().column()
                    + ", value=" + problem.get().value() + "]: " + problem.get().reason());
        }
        return new CorporateAction(symbol, exDate, type, ratio, cash, source);
    }

    /** The order of a symbol's actions in its file: by ex_date, then type. */
    static final java.util.Comparator<CorporateAction> ORDER =
            java.util.Comparator.comparing(CorporateAction::exDate).thenComparing(CorporateAction::type);

    private static List<String> footerProblems(ParquetFileReader reader, Symbol symbol) {
        List<String> problems = new ArrayList<>();
        var meta = reader.getFooter().getFileMetaData();
        String difference = LakeFiles.schemaDifference(SCHEMA, meta.getSchema());
        if (difference != null) {
            problems.add("schema differs from the actions schema: " + difference);
        }
        Map<String, String> kv = meta.getKeyValueMetaData();
        expect(problems, kv, "kind", KIND);
        expect(problems, kv, "symbol", symbol.value());
        expect(problems, kv, "rows", Long.toString(reader.getRecordCount()));
        return problems;
    }

    private static void expect(List<String> problems, Map<String, String> kv, String key, String expected) {
        String actual = kv.get(ParquetFormat.META_PREFIX + key);
        if (!expected.equals(actual)) {
            problems.add("metadata " + ParquetFormat.META_PREFIX + key + " is " + (actual == null ? "missing" : "'" + actual + "'") + ", expected '" + expected + "'");
        }
    }

    /** The catalogue entry of a checked file: every row read and checked (an actions file is small). */
    static ActionsFile describe(Path file, String name, Symbol symbol) {
        List<CorporateAction> actions = read(file, name, symbol);
        try {
            return new ActionsFile(symbol, file, actions.size(), Files.size(file),
                    actions.isEmpty() ? null : actions.get(0).exDate(), actions.isEmpty() ? null : actions.get(actions.size() - 1).exDate());
        } catch (IOException e) {
            throw new InvalidDataException("cannot read lake file [file=" + name + "]: " + e.getMessage(), e);
        }
    }

    /**
     * {@code existing} with {@code incoming} merged in: an incoming action replaces a stored one with the same ex_date
     * and type (last wins, also within {@code incoming}); returns the merged list, sorted, and the counts.
     */
    static Merge merge(List<CorporateAction> existing, List<CorporateAction> incoming) {
        Map<String, CorporateAction> byKey = new java.util.TreeMap<>();
        for (CorporateAction action : existing) {
            byKey.put(key(action), action);
        }
        Map<String, CorporateAction> last = new LinkedHashMap<>();
        for (CorporateAction action : incoming) {
            last.put(key(action), action);
        }
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        for (var entry : last.entrySet()) {
            CorporateAction before = byKey.put(entry.getKey(), entry.getValue());
            if (before == null) {
                added++;
            } else if (before.equals(entry.getValue())) {
                unchanged++;
            } else {
                replaced++;
            }
        }
        List<CorporateAction> merged = new ArrayList<>(byKey.values());
        merged.sort(ORDER);
        return new Merge(merged, added, replaced, unchanged);
    }

    record Merge(List<CorporateAction> actions, int added, int replaced, int unchanged) {}

    private static String key(CorporateAction action) {
        return action.exDate() + "/" + action.type().label();
    }
}
