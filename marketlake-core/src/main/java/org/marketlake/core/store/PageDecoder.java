package org.marketlake.core.store;

import java.io.IOException;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.marketlake.core.model.ColumnType;

/**
 * Decodes a whole column chunk of a lake file page by page into a primitive array. parquet-java's
 * {@code ColumnReader} moves through a state machine for every value; this reads each page's definition levels
 * and values in one loop, which makes full-month reads about twice as fast. Only for the pages our writer makes
 * (format v2 data pages, flat columns); other files go through {@code ColumnReader}.
 */
final class PageDecoder {
    private PageDecoder() {}

    /** Whether {@code createdBy} and the metadata say the file is ours, so its pages are v2. */
    static boolean handles(java.util.Map<String, String> keyValueMetadata) {
        return keyValueMetadata != null && ParquetFormat.WRITER.equals(keyValueMetadata.get(ParquetFormat.META_PREFIX + "writer"));
    }

    static long[] longs(PageReader pages, ColumnDescriptor column, int rows) throws IOException {
        long[] out = new long[rows];
        decode(pages, column, rows, (values, at, count) -> {
            for (int i = 0; i < count; i++) {
                out[at + i] = values.readLong();
            }
        }, null);
        return out;
    }

    static double[] doubles(PageReader pages, ColumnDescriptor column, int rows) throws IOException {
        double[] out = new double[rows];
        decode(pages, column, rows, (values, at, count) -> {
            for (int i = 0; i < count; i++) {
                out[at + i] = values.readDouble();
            }
        }, (values, at, count, defined) -> {
            for (int i = 0; i < count; i++) {
                out[at + i] = defined[i] ? values.readDouble() : Double.NaN;
            }
        });
        return out;
    }

    static int[] ints(PageReader pages, ColumnDescriptor column, int rows) throws IOException {
        int[] out = new int[rows];
        decode(pages, column, rows, (values, at, count) -> {
            for (int i = 0; i < count; i++) {
                out[at + i] = values.readInteger();
            }
        }, (values, at, count, defined) -> {
            for (int i = 0; i < count; i++) {
                out[at + i] = defined[i] ? values.readInteger() : ColumnType.NULL_INT;
            }
        });
        return out;
    }

    private interface Dense {
        void read(ValuesReader values, int at, int count);
    }

    private interface Sparse {
        void read(ValuesReader values, int at, int count, boolean[] defined);
    }

    private static void decode(PageReader pages, ColumnDescriptor column, int rows, Dense dense, Sparse sparse) throws IOException {
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        Dictionary dictionary = dictionaryPage == null ? null : dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
        int at = 0;
        boolean[] defined = null;
        for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
            if (!(page instanceof DataPageV2 v2)) {
                throw new IOException("unexpected format v1 data page in column " + column.getPath()[0]);
            }
            int count = v2.getValueCount();
            Encoding encoding = v2.getDataEncoding();
            ValuesReader values = encoding.usesDictionary()
                    ? encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary)
                    : encoding.getValuesReader(column, ValuesType.VALUES);
            values.initFromPage(count - v2.getNullCount(), ByteBufferInputStream.wrap(v2.getData().toByteBuffer()));
            if (v2.getNullCount() == 0) {
                dense.read(values, at, count);
            } else {
                if (defined == null || defined.length < count) {
                    defined = new boolean[count];
                }
                RunLengthBitPackingHybridDecoder levels = new RunLengthBitPackingHybridDecoder(1, v2.getDefinitionLevels().toInputStream());
                for (int i = 0; i < count; i++) {
                    defined[i] = levels.readInt() == 1;
                }
                sparse.read(values, at, count, defined);
            }
            at += count;
        }
        if (at != rows) {
            throw new IOException("column " + column.getPath()[0] + " has " + at + " values for " + rows + " rows");
        }
    }
}
