package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.FileOrigin;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeCommit;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.testing.Bars;

/** Issue 21's provenance: each file's own Parquet metadata names the commits that wrote it and their sources. */
class FileProvenanceTest {
    private static final long JAN = Bars.micros("2024-01-02T00:00:00Z");

    @TempDir
    Path dir;

    private static Frame bars(int count, long seed) {
        return Bars.random(Timeframe.M1, "AAPL", JAN, 60_000_000L, count, seed);
    }

    @Test
    void aRewriteCarriesTheEarlierOriginsAndAddsItsOwnWithItsInputsChecksums() throws Exception {
        Path root = dir.resolve("lake");
        Path good = Files.writeString(dir.resolve("good.csv"), "timestamp,open\n1,2\n");
        Path better = Files.writeString(dir.resolve("better.csv"), "timestamp,open\n3,4\n");
        Lake lake = Lake.open(root);
        lake.describedAs("marketlake ingest bars --symbol AAPL good.csv", List.of(good)).write(bars(100, 1));
        lake.describedAs("marketlake ingest bars --symbol AAPL better.csv", List.of(better)).writeLastWins(bars(150, 2));
        Path file = root.resolve("bars/1m/AAPL.2024-01.parquet");

        List<FileOrigin> origins = lake.provenance(file);
        assertThat(origins).extracting(FileOrigin::sequence).containsExactly(1L, 2L);
        assertThat(origins).extracting(FileOrigin::action).containsExactly("added", "replaced");
        assertThat(origins).extracting(FileOrigin::rows).containsExactly(100L, 150L);
        assertThat(origins.get(0).command()).isEqualTo("marketlake ingest bars --symbol AAPL good.csv");
        assertThat(origins.get(0).inputs()).singleElement().satisfies(input -> {
            assertThat(input.path()).isEqualTo(good.toString());
            assertThat(input.sha256()).isEqualTo(History.sha256(good));
            assertThat(input.bytes()).isEqualTo(Files.size(good));
        });
        assertThat(origins.get(1).sources()).isEqualTo(better + " sha256:" + History.sha256(better));
        // The file and the log name the same commit: the id written into the file is the log entry's.
        List<LakeCommit> log = lake.log();
        assertThat(origins).extracting(FileOrigin::id).containsExactly(log.get(0).id(), log.get(1).id());
        assertThat(origins).extracting(FileOrigin::time).containsExactly(log.get(0).time(), log.get(1).time());

        // Copied out of the lake, the file still says where it came from.
        Path copied = Files.copy(file, dir.resolve("copied.parquet"));
        assertThat(lake.provenance(copied)).isEqualTo(origins);
    }

    @Test
    void aRollbackPutsBackTheEarlierBytesAndTheLakeAddsTheRollbackAsRestored() throws Exception {
        Lake lake = Lake.open(dir);
        lake.describedAs("marketlake ingest bars good.csv").write(bars(100, 1));
        lake.describedAs("marketlake ingest bars bad.csv").writeLastWins(bars(100, 2));
        Path file = dir.resolve("bars/1m/AAPL.2024-01.parquet");
        lake.describedAs("marketlake rollback 2").rollback("2", false);

        assertThat(FileProvenance.read(file)).extracting(FileOrigin::sequence).containsExactly(1L);
        List<FileOrigin> origins = lake.provenance(file);
        assertThat(origins).extracting(FileOrigin::sequence).containsExactly(1L, 3L);
        assertThat(origins).extracting(FileOrigin::action).containsExactly("added", "restored");
        assertThat(origins.get(1).command()).isEqualTo("marketlake rollback 2");
    }

    @Test
    void aDeleteAndActionsFilesRecordTheirCommitsToo() throws Exception {
        Lake lake = Lake.open(dir);
        lake.describedAs("marketlake ingest bars a.csv").write(bars(100, 1));
        lake.describedAs("marketlake delete --symbol AAPL").delete(DataKind.bars(Timeframe.M1), Symbol.of("AAPL"),
                new TimeRange(JAN, JAN + 10 * 60_000_000L));
        Path file = dir.resolve("bars/1m/AAPL.2024-01.parquet");
        assertThat(lake.provenance(file)).extracting(FileOrigin::command, FileOrigin::action, FileOrigin::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("marketlake ingest bars a.csv", "added", 100L),
                        org.assertj.core.groups.Tuple.tuple("marketlake delete --symbol AAPL", "replaced", 89L));
    }

    @Test
    void theFooterKeepsTheNewestOriginsAndCountsTheOlderOnes() throws Exception {
        Lake lake = Lake.open(dir);
        int writes = FileProvenance.KEPT + 3;
        for (int i = 1; i <= writes; i++) {
            lake.describedAs("write " + i).writeLastWins(bars(20, i));
        }
        Path file = dir.resolve("bars/1m/AAPL.2024-01.parquet");
        List<FileOrigin> origins = FileProvenance.read(file);
        assertThat(origins).hasSize(FileProvenance.KEPT);
        assertThat(origins.get(0).command()).isEqualTo("write 4");
        assertThat(origins.get(origins.size() - 1).command()).isEqualTo("write " + writes);
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertThat(kv).containsEntry(FileProvenance.OMITTED, "3");
        }
        assertThat(lake.log()).hasSize(writes);
    }
}
