package org.marketlake.loader.dataset;

import org.marketlake.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.loader.table.Columns;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * A {@link Table} in a private binary form for the processing cache: the arrays as they are, so a cached
 * dataset loads at disk speed. Not an exchange format (that is Parquet); the magic number carries a version.
 */
final class TableFiles {
    private static final int MAGIC = 0x4d4c4332;

    private TableFiles() {}

    static void write(Table table, List<String> features, long fitEndMicros, Path file) throws IOException {
        AtomicFiles.publish(file, temporary -> writeTo(table, features, fitEndMicros, temporary));
    }

    private static void writeTo(Table table, List<String> features, long fitEndMicros, Path temporary) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(fitEndMicros);
            out.writeInt(features.size());
            for (String feature : features) {
                out.writeUTF(feature);
            }
            long[] ds = table.ds();
            out.writeInt(ds.length);
            for (long value : ds) {
                out.writeLong(value);
            }
            out.writeInt(table.columns().size());
            for (TableColumn column : table.columns()) {
                out.writeUTF(column.name());
                switch (column) {
                    case TableColumn.Doubles doubles -> {
                        out.writeByte('D');
                        for (double value : doubles.values()) {
                            out.writeDouble(value);
                        }
                    }
                    case TableColumn.Floats floats -> {
                        out.writeByte('F');
                        for (float value : floats.values()) {
                            out.writeFloat(value);
                        }
                    }
                    case TableColumn.Times times -> {
                        out.writeByte('T');
                        for (long value : times.micros()) {
                            out.writeLong(value);
                        }
                    }
                    case TableColumn.Texts texts -> writeTexts(out, texts.values());
                    case TableColumn.Categorical categorical -> writeTexts(out, Columns.texts(categorical));
                }
            }
        }
    }

    private static void writeTexts(DataOutputStream out, String[] values) throws IOException {
        out.writeByte('S');
        for (String value : values) {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeUTF(value);
            }
        }
    }

    /** The table and its feature names, or null when the file is not a cache file of this version. */
    record Cached(Table table, List<String> features, long fitEndMicros) {}

    static Cached read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            long fitEndMicros = in.readLong();
            List<String> features = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                features.add(in.readUTF());
            }
            int rows = in.readInt();
            long[] ds = new long[rows];
            for (int i = 0; i < rows; i++) {
                ds[i] = in.readLong();
            }
            List<TableColumn> columns = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) {
                String name = in.readUTF();
                byte type = in.readByte();
                columns.add(switch (type) {
                    case 'D' -> {
                        double[] values = new double[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = in.readDouble();
                        }
                        yield new TableColumn.Doubles(name, values);
                    }
                    case 'F' -> {
                        float[] values = new float[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = in.readFloat();
                        }
                        yield new TableColumn.Floats(name, values);
                    }
                    case 'T' -> {
                        long[] values = new long[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = in.readLong();
                        }
                        yield new TableColumn.Times(name, values);
                    }
                    case 'S' -> {
                        String[] values = new String[rows];
                        for (int i = 0; i < rows; i++) {
                            values[i] = in.readBoolean() ? in.readUTF() : null;
                        }
                        yield new TableColumn.Texts(name, values);
                    }
                    default -> throw new IOException("unknown column type " + type + " in cache file " + file);
                });
            }
            return new Cached(Table.of(ds, columns), features, fitEndMicros);
        }
    }
}
