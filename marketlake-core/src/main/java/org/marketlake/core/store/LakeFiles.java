package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.TimeRange;

/** Reading lake files whole or by footer, checking each against its name and the expected schema. */
final class LakeFiles {
    private LakeFiles() {}

    /** The lake-relative name used in messages: {@code bars/1m/AAPL.2024-01.parquet}. */
    static String display(LakeLayout layout, Path file) {
        Path root = layout.root().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : file.toString();
    }

    /** The whole file, full schema, after checking its footer against {@code key}. */
    static Frame readWhole(LakeLayout layout, Path file, LakeLayout.FileKey key) {
        try {
            return ParquetFileReads.read(file, key.kind(), key.symbol(), TimeRange.ALL, key.kind().schema().columns(),
                    agreesWithName(layout, file, key));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException data) {
                throw data;
            }
            throw new InvalidDataException("cannot read lake file [file=" + display(layout, file) + "]: " + e.getMessage(), e);
        }
    }

    /** Differences between a file's footer and what its name says it holds; empty when none. */
    static List<String> footerProblems(Path file, LakeLayout.FileKey key) throws IOException {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            return footerProblems(reader, key);
        }
    }

    static List<String> footerProblems(ParquetFileReader reader, LakeLayout.FileKey key) {
        List<String> problems = new ArrayList<>();
        FileMetaData meta = reader.getFooter().getFileMetaData();
        String difference = schemaDifference(ParquetFormat.messageType(key.kind()), meta.getSchema());
        if (difference != null) {
            problems.add("schema differs from the " + key.kind().label() + " schema: " + difference);
        }
        Map<String, String> kv = meta.getKeyValueMetaData();
        expect(problems, kv, "kind", key.kind() instanceof DataKind.Quotes ? "quotes" : "bars");
        expect(problems, kv, "timeframe", key.kind() instanceof DataKind.Bars bars ? bars.timeframe().label() : "");
        expect(problems, kv, "symbol", key.symbol().value());
        expect(problems, kv, "schema_version", ParquetFormat.SCHEMA_VERSION);
        expect(problems, kv, "rows", Long.toString(reader.getRecordCount()));
        return problems;
    }

    /**
     * The first column that differs in name, position, physical type, logical type or nullability; null when the
     * columns agree (the message name and column order metadata do not matter: other writers set them differently).
     */
    static String schemaDifference(MessageType expected, MessageType actual) {
        int n = Math.max(expected.getFieldCount(), actual.getFieldCount());
        for (int i = 0; i < n; i++) {
            if (i >= actual.getFieldCount()) {
                return "column " + (i + 1) + " '" + expected.getType(i).getName() + "' is missing";
            }
            if (i >= expected.getFieldCount()) {
                return "unexpected column " + (i + 1) + " '" + actual.getType(i).getName() + "'";
            }
            var want = expected.getType(i);
            var have = actual.getType(i);
            if (!want.getName().equals(have.getName())) {
                return "column " + (i + 1) + " is '" + have.getName() + "', expected '" + want.getName() + "'";
            }
            if (!have.isPrimitive()
                    || have.asPrimitiveType().getPrimitiveTypeName() != want.asPrimitiveType().getPrimitiveTypeName()
                    || !java.util.Objects.equals(have.getLogicalTypeAnnotation(), want.getLogicalTypeAnnotation())
                    || have.getRepetition() != want.getRepetition()) {
                return "column '" + want.getName() + "' is " + describe(have) + ", expected " + describe(want);
            }
        }
        return null;
    }

    private static String describe(org.apache.parquet.schema.Type type) {
        if (!type.isPrimitive()) {
            return "a group";
        }
        var logical = type.getLogicalTypeAnnotation();
        return type.getRepetition().name().toLowerCase(java.util.Locale.ROOT) + " " + type.asPrimitiveType().getPrimitiveTypeName()
                + (logical == null ? "" : " " + logical);
    }

    private static void expect(List<String> problems, Map<String, String> kv, String key, String expected) {
        String actual = kv.get(ParquetFormat.META_PREFIX + key);
        if (!expected.equals(actual)) {
            problems.add("metadata " + ParquetFormat.META_PREFIX + key + " is " + (actual == null ? "missing" : "'" + actual + "'") + ", expected '" + expected + "'");
        }
    }

    /** A footer check for {@link ParquetFileReads#read}: a file that disagrees with its name is an error, never data. */
    static ParquetFileReads.FooterCheck agreesWithName(LakeLayout layout, Path file, LakeLayout.FileKey key) {
        return reader -> {
            List<String> problems = footerProblems(reader, key);
            periodProblem(reader, key).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                throw new InvalidDataException("lake file disagrees with its name [file=" + display(layout, file) + "]: " + problems.get(0));
            }
        };
    }


    /** Inventory entry from the footer alone. */
    static LakeFile describe(LakeLayout layout, Path file, LakeLayout.FileKey key) {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            return describe(reader, file, key);
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException("cannot read lake file footer [file=" + display(layout, file) + "]: " + e.getMessage(), e);
        }
    }

    private static LakeFile describe(ParquetFileReader reader, Path file, LakeLayout.FileKey key) throws IOException {
        long rows = reader.getRecordCount();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (var block : reader.getRowGroups()) {
            long[] bounds = RowGroupPruning.timestampBounds(block);
            if (bounds != null) {
                first = Math.min(first, bounds[0]);
                last = Math.max(last, bounds[1]);
            }
        }
        return new LakeFile(key.kind(), key.symbol(), key.period(), file, rows, Files.size(file),
                rows == 0 ? 0 : first, rows == 0 ? 0 : last);
    }

    /** The footer's timestamp statistics outside the period the name says (a month copied under another name). */
    private static java.util.Optional<String> periodProblem(ParquetFileReader reader, LakeLayout.FileKey key) {
        TimeRange period = TimeRange.of(key.period());
        for (var block : reader.getRowGroups()) {
            long[] bounds = RowGroupPruning.timestampBounds(block);
            if (bounds != null && (bounds[0] < period.startMicros() || bounds[1] > period.endMicros())) {
                return java.util.Optional.of("its timestamps " + Micros.format(bounds[0]) + " .. " + Micros.format(bounds[1])
                        + " are outside " + key.period().label());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The inventory entry of a file that agrees with its name: footer metadata and schema as {@link #footerProblems}
     * checks them, and the footer's timestamp range inside the period the name says (a month copied under another
     * month's name is refused here, before any reader sees its rows).
     */
    static LakeFile describeChecked(LakeLayout layout, Path file, LakeLayout.FileKey key) {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            agreesWithName(layout, file, key).check(reader);
            return describe(reader, file, key);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException data) {
                throw data;
            }
            throw new InvalidDataException("not a readable lake file [file=" + display(layout, file) + "]: " + e.getMessage(), e);
        }
    }

    static String formatRange(LakeFile file) {
        return Micros.format(file.firstMicros()) + " .. " + Micros.format(file.lastMicros());
    }
}
