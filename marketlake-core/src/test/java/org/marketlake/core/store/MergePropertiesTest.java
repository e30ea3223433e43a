package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/**
 * Seeded random writes (the seed is in the test name, so a failure replays): after any sequence of writes the
 * lake holds exactly the last-written row for every timestamp, the counts add up, one file per month, and
 * rewriting the final content changes no byte.
 */
class MergePropertiesTest {
    @TempDir
    Path root;

    static Stream<Long> seeds() {
        long base = Long.getLong("marketlake.seed", 20261122L);
        return LongStream.range(0, 12).mapToObj(i -> base + i);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void lakeEqualsLastWriteWinsModel(long seed) throws Exception {
        Random random = new Random(seed);
        Lake lake = Lake.open(root);
        DataKind kind = DataKind.bars(Timeframe.M1);
        long start = Bars.micros("2023-12-31T22:00:00Z");
        TreeMap<Long, Double> model = new TreeMap<>();
        int writes = 2 + random.nextInt(6);
        for (int w = 0; w < writes; w++) {
            int count = 1 + random.nextInt(300);
            long[] minutes = random.longs(count, 0, 6 * 60).distinct().sorted().toArray();
            List<Frame> rows = new ArrayList<>();
            for (long minute : minutes) {
                rows.add(Bars.random(Timeframe.M1, "RND", start + minute * 60 * Micros.PER_SECOND, 1, 1, random.nextInt(3)));
            }
            Frame write = Frame.concat(rows);
            // Shuffle the input: the lake sorts.
            int[] order = shuffled(write.size(), random);
            Frame shuffled = write.select(order);
            long expectedAdded = Arrays.stream(minutes).filter(m -> !model.containsKey(start + m * 60 * Micros.PER_SECOND)).count();
            WriteResult result = lake.write(shuffled);
            assertThat(result.added()).isEqualTo(expectedAdded);
            assertThat(result.added() + result.replaced() + result.unchanged()).isEqualTo(minutes.length);
            for (int i = 0; i < write.size(); i++) {
                model.put(write.timestamps()[i], write.doubles("close")[i]);
            }
        }
        Frame all = lake.read(kind, Symbol.of("RND"), TimeRange.ALL, List.of("timestamp", "close"));
        assertThat(all.size()).isEqualTo(model.size());
        int i = 0;
        for (var entry : model.entrySet()) {
            assertThat(all.timestamps()[i]).isEqualTo(entry.getKey());
            assertThat(all.doubles("close")[i]).isEqualTo(entry.getValue());
            i++;
        }
        assertThat(lake.files().size()).isBetween(1, 2);
        List<byte[]> before = new ArrayList<>();
        for (var file : lake.files()) {
            before.add(Files.readAllBytes(file.path()));
        }
        WriteResult again = lake.write(lake.read(kind, Symbol.of("RND"), TimeRange.ALL, List.of()));
        assertThat(again.added() + again.replaced()).isZero();
        for (int f = 0; f < lake.files().size(); f++) {
            assertThat(Files.readAllBytes(lake.files().get(f).path())).isEqualTo(before.get(f));
        }
        assertThat(lake.validate(List.of())).isEmpty();
    }

    private static int[] shuffled(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
