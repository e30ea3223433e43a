package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeCommit;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/** The lake's history: every commit logged with its files' checksums, rollback to exact bytes, refusals, gc. */
class HistoryTest {
    @TempDir
    Path root;

    private static final long DAY = 86_400_000_000L;
    private static final long JAN = Bars.micros("2024-01-02T00:00:00Z");

    private Frame bars(long start, int count, long seed) {
        return Bars.random(Timeframe.M1, "AAPL", start, 60_000_000L, count, seed);
    }

    @Test
    void aBadReIngestRolledBackRestoresTheExactBytesAndTheRollbackIsLogged() throws Exception {
        Lake lake = Lake.open(root).describedAs("marketlake ingest bars --symbol AAPL good.csv");
        lake.write(bars(JAN, 100, 1));
        Path file = root.resolve("bars/1m/AAPL.2024-01.parquet");
        byte[] good = Files.readAllBytes(file);
        String goodSha = History.sha256(file);

        lake.describedAs("marketlake ingest bars --symbol AAPL bad.csv").writeLastWins(bars(JAN, 100, 2));
        assertThat(Files.readAllBytes(file)).isNotEqualTo(good);

        List<LakeCommit> log = lake.log();
        assertThat(log).extracting(LakeCommit::sequence).containsExactly(1L, 2L);
        LakeCommit bad = log.get(1);
        assertThat(bad.command()).isEqualTo("marketlake ingest bars --symbol AAPL bad.csv");
        assertThat(bad.files()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("bars/1m/AAPL.2024-01.parquet");
            assertThat(change.action()).isEqualTo("replaced");
            assertThat(change.rowsBefore()).isEqualTo(100);
            assertThat(change.rowsAfter()).isEqualTo(100);
            assertThat(change.sha256Before()).isEqualTo(goodSha);
            assertThat(change.sha256After()).isEqualTo(History.sha256(file));
        });
        assertThat(log.get(0).files().get(0).action()).isEqualTo("added");

        LakeCommit rollback = lake.describedAs("marketlake rollback 2").rollback(bad.id(), false);
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        assertThat(rollback.sequence()).isEqualTo(3);
        assertThat(rollback.command()).isEqualTo("marketlake rollback 2");
        assertThat(rollback.files().get(0).sha256After()).isEqualTo(goodSha);

        // A rollback is a commit like any other: rolling it back brings the bad version again.
        lake.rollback(Long.toString(rollback.sequence()), false);
        assertThat(History.sha256(file)).isEqualTo(bad.files().get(0).sha256After());
    }

    @Test
    void aRollbackOverLaterChangesIsRefusedNamingThemUnlessCascaded() throws Exception {
        Lake lake = Lake.open(root);
        lake.write(bars(JAN, 10, 1));
        Path file = root.resolve("bars/1m/AAPL.2024-01.parquet");
        lake.writeLastWins(bars(JAN, 10, 2));
        lake.write(bars(JAN + DAY, 10, 3));
        List<LakeCommit> log = lake.log();
        String first = log.get(0).id();

        assertThatThrownBy(() -> lake.rollback(log.get(1).id(), false)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("commit " + log.get(1).id() + "'s files were changed again later, by 3 (" + log.get(2).id()
                        + "): roll those back first, or cascade");
        // Cascading from the first commit, which added the file, removes it.
        LakeCommit undone = lake.rollback(first, true);
        assertThat(undone.files()).singleElement().satisfies(change -> assertThat(change.action()).isEqualTo("removed"));
        assertThat(file).doesNotExist();
        assertThat(lake.files()).isEmpty();
        assertThatThrownBy(() -> lake.rollback("no-such-id", false)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("no commit no-such-id in the lake's history");
    }

    @Test
    void gcKeepsTheNewestCommitsVersionsAndDropsTheRest() throws Exception {
        Lake lake = Lake.open(root);
        lake.write(bars(JAN, 50, 1));
        lake.writeLastWins(bars(JAN, 50, 2));
        lake.writeLastWins(bars(JAN, 50, 3));
        Files.writeString(root.resolve("bars/1m/.AAPL.2024-01.parquet.0f0f.tmp"), "a killed writer's leftover");
        Lake.GcReport report = lake.gc(Duration.ZERO, 1);
        assertThat(report.versionsRemoved()).isEqualTo(1);
        assertThat(report.bytesFreed()).isPositive();
        assertThat(report.leftoversRemoved()).isEqualTo(1);
        List<LakeCommit> log = lake.log();
        assertThat(log).hasSize(3);
        // The newest commit's version is kept and can be rolled back; the second's is gone.
        lake.rollback(log.get(2).id(), false);
        assertThatThrownBy(() -> lake.rollback(log.get(1).id(), true))
                .hasMessageContaining("is no longer kept (gc removed it after its retention)");
    }

    @Test
    void aGcKilledWhileDeletingAVersionFolderLeavesThatCommitUnrollableAndTheNextGcFinishesIt() throws Exception {
        Lake lake = Lake.open(root);
        lake.write(bars(JAN, 50, 1));
        lake.write(bars(JAN + 40 * DAY, 50, 1));
        lake.commit(l -> {
            l.writeLastWins(bars(JAN, 50, 2));
            l.writeLastWins(bars(JAN + 40 * DAY, 50, 2));
            return null;
        });
        LakeCommit second = lake.log().get(2);
        Path versions = History.versionsOf(root, second);
        // What a kill in the middle of gc's delete leaves: the folder renamed away, one of its two files deleted.
        Path removing = versions.resolveSibling(Rollback.REMOVING + versions.getFileName());
        Files.move(versions, removing);
        Files.delete(removing.resolve("bars/1m/AAPL.2024-01.parquet"));
        List<String> before = List.of(History.sha256(root.resolve("bars/1m/AAPL.2024-01.parquet")),
                History.sha256(root.resolve("bars/1m/AAPL.2024-02.parquet")));

        assertThat(lake.untidy()).singleElement().asString().startsWith("versions an interrupted gc was removing [folder=.marketlake/versions/.removing-");
        assertThatThrownBy(() -> lake.rollback(second.id(), false)).hasMessageContaining("is no longer kept");
        assertThat(List.of(History.sha256(root.resolve("bars/1m/AAPL.2024-01.parquet")), History.sha256(root.resolve("bars/1m/AAPL.2024-02.parquet"))))
                .as("a refused rollback restores no file, not even the one whose version is still there").isEqualTo(before);
        lake.gc(Duration.ofDays(7), 0);
        assertThat(removing).doesNotExist();
        assertThat(lake.untidy()).isEmpty();
    }

    @Test
    void anUnchangedRewriteIsNoCommit() {
        Lake lake = Lake.open(root);
        lake.write(bars(JAN, 20, 1));
        lake.write(bars(JAN, 20, 1));
        assertThat(lake.log()).hasSize(1);
    }
}
