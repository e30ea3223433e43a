package org.marketlake.core.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.TimeRange;

/** Which row groups of a file can hold a time range, from the timestamp column's statistics. */
final class RowGroupPruning {
    private RowGroupPruning() {}

    /** The row groups of {@code reader}'s file that may hold rows in {@code range} (non-empty, statistics overlapping or absent). */
    static List<Integer> matching(ParquetFileReader reader, TimeRange range) {
        List<Integer> matching = new ArrayList<>();
        List<BlockMetaData> blocks = reader.getRowGroups();
        for (int b = 0; b < blocks.size(); b++) {
            BlockMetaData block = blocks.get(b);
            long[] minMax = timestampBounds(block);
            if (block.getRowCount() > 0 && (minMax == null || range.overlaps(minMax[0], minMax[1]))) {
                matching.add(b);
            }
        }
        return matching;
    }

    /** Min and max timestamp of a row group from its statistics, or null when it has none. */
    static long[] timestampBounds(BlockMetaData block) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toDotString().equals(LakeSchema.TIMESTAMP_COLUMN)) {
                Statistics<?> statistics = chunk.getStatistics();
                if (statistics == null || !statistics.hasNonNullValue()) {
                    return null;
                }
                return new long[] {(Long) statistics.genericGetMin(), (Long) statistics.genericGetMax()};
            }
        }
        return null;
    }

}
