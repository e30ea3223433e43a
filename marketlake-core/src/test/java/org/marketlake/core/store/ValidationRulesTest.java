package org.marketlake.core.store;

import org.marketlake.core.error.InvalidRowException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/** Every write rule refuses its bad row with file, row, column and value, and leaves the lake as it was. */
class ValidationRulesTest {
    @TempDir
    Path root;
    private Lake lake;
    private byte[] barsBefore;
    private byte[] quotesBefore;

    @BeforeEach
    void existingFiles() throws Exception {
        lake = Lake.open(root);
        lake.write(bars(b -> {}));
        lake.write(quotes(q -> {}));
        barsBefore = Files.readAllBytes(root.resolve("bars/1m/AAPL.2024-01.parquet"));
        quotesBefore = Files.readAllBytes(root.resolve("quotes/AAPL.2024-01.parquet"));
    }

    /** Two good bars, the second at row 2, then {@code edit} applied to row 2. */
    private static Frame bars(Consumer<Frame.Builder> edit) {
        Frame.Builder b = Bars.builder(Timeframe.M1, "AAPL");
        Bars.bar(b, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        Bars.bar(b, "2024-01-02T14:31:00Z", 10.5, 12, 10, 11, 200);
        edit.accept(b);
        return b.build();
    }

    private static Frame quotes(Consumer<Frame.Builder> edit) {
        Frame.Builder q = Frame.builder(DataKind.QUOTES, Symbol.of("AAPL"), 4);
        for (String ts : new String[] {"2024-01-02T14:30:00Z", "2024-01-02T14:30:01Z"}) {
            int row = q.add(Bars.micros(ts));
            q.setDouble(LakeSchema.BID_PRICE, row, 10.0).setDouble(LakeSchema.ASK_PRICE, row, 10.02)
                    .setDouble(LakeSchema.BID_SIZE, row, 100).setDouble(LakeSchema.ASK_SIZE, row, 200);
        }
        edit.accept(q);
        return q.build();
    }

    static Stream<Arguments> badBars() {
        return Stream.of(
                Arguments.of("low above min(open, close)", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.LOW, 1, 10.75),
                        "row=2, column=low, value=10.75]: low is above min(open, close) = 10.5"),
                Arguments.of("high below max(open, close)", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.HIGH, 1, 10.9),
                        "row=2, column=high, value=10.9]: high is below max(open, close) = 11"),
                Arguments.of("NaN price", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.OPEN, 1, Double.NaN),
                        "row=2, column=open, value=NaN]: open must be a finite number"),
                Arguments.of("infinite price", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.CLOSE, 1, Double.POSITIVE_INFINITY),
                        "row=2, column=close, value=Infinity]: close must be a finite number"),
                Arguments.of("zero price", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.LOW, 1, 0),
                        "row=2, column=low, value=0]: low must be > 0"),
                Arguments.of("negative volume", (Consumer<Frame.Builder>) b -> b.setDouble(LakeSchema.VOLUME, 1, -5),
                        "row=2, column=volume, value=-5]: volume must be a finite number >= 0"),
                Arguments.of("negative trade count", (Consumer<Frame.Builder>) b -> b.setInt(b.indexOf("trade_count"), 1, -1),
                        "row=2, column=trade_count, value=-1]: trade_count is negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBars")
    void badBarIsRefusedAndNothingChanges(String rule, Consumer<Frame.Builder> edit, String message) throws Exception {
        assertThatThrownBy(() -> lake.write(bars(edit)))
                .isInstanceOf(InvalidRowException.class)
                .hasMessage("invalid row [file=bars/1m/AAPL.2024-01.parquet, " + message);
        assertThat(Files.readAllBytes(root.resolve("bars/1m/AAPL.2024-01.parquet"))).isEqualTo(barsBefore);
    }

    static Stream<Arguments> badQuotes() {
        return Stream.of(
                Arguments.of("crossed", (Consumer<Frame.Builder>) q -> q.setDouble(LakeSchema.ASK_PRICE, 1, 9.99),
                        "row=2, column=ask_price, value=9.99]: crossed quote: ask_price is below bid_price 10"),
                Arguments.of("zero bid", (Consumer<Frame.Builder>) q -> q.setDouble(LakeSchema.BID_PRICE, 1, 0),
                        "row=2, column=bid_price, value=0]: bid_price must be > 0"),
                Arguments.of("negative size", (Consumer<Frame.Builder>) q -> q.setDouble(LakeSchema.ASK_SIZE, 1, -1),
                        "row=2, column=ask_size, value=-1]: ask_size must be a finite number >= 0"),
                Arguments.of("NaN ask", (Consumer<Frame.Builder>) q -> q.setDouble(LakeSchema.ASK_PRICE, 1, Double.NaN),
                        "row=2, column=ask_price, value=NaN]: ask_price must be a finite number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuotes")
    void badQuoteIsRefusedAndNothingChanges(String rule, Consumer<Frame.Builder> edit, String message) throws Exception {
        assertThatThrownBy(() -> lake.write(quotes(edit)))
                .isInstanceOf(InvalidRowException.class)
                .hasMessage("invalid row [file=quotes/AAPL.2024-01.parquet, " + message);
        assertThat(Files.readAllBytes(root.resolve("quotes/AAPL.2024-01.parquet"))).isEqualTo(quotesBefore);
    }

    @Test
    void lockedQuoteIsKeptAndSpreadIsComputedByTheLake() {
        Frame locked = quotes(q -> q.setDouble(LakeSchema.ASK_PRICE, 1, 10.0).setDouble(LakeSchema.SPREAD, 1, 99));
        lake.write(locked);
        Frame read = lake.read(DataKind.QUOTES, Symbol.of("AAPL"), org.marketlake.core.model.TimeRange.ALL, java.util.List.of("spread"));
        assertThat(read.doubles("spread")[0]).isEqualTo(10.02 - 10.0);
        assertThat(read.doubles("spread")[1]).isZero();
    }

    @Test
    void fileWhoseMetadataDisagreesWithItsNameIsAnError() throws Exception {
        Path wrong = root.resolve("bars/1m/MSFT.2024-01.parquet");
        Files.copy(root.resolve("bars/1m/AAPL.2024-01.parquet"), wrong);
        assertThat(lake.validate(java.util.List.of(wrong)))
                .containsExactly("bars/1m/MSFT.2024-01.parquet: metadata marketlake.symbol is 'AAPL', expected 'MSFT'");
        assertThatThrownBy(() -> lake.write(Bars.random(Timeframe.M1, "MSFT", Bars.micros("2024-01-05T00:00:00Z"), 60_000_000L, 1, 1)))
                .hasMessageContaining("[file=bars/1m/MSFT.2024-01.parquet]")
                .hasMessageContaining("marketlake.symbol is 'AAPL', expected 'MSFT'");
        Path inWrongFolder = root.resolve("bars/1s/AAPL.2024-01.parquet");
        Files.createDirectories(inWrongFolder.getParent());
        Files.copy(root.resolve("bars/1m/AAPL.2024-01.parquet"), inWrongFolder);
        assertThat(lake.validate(java.util.List.of(inWrongFolder)).get(0))
                .startsWith("bars/1s/AAPL.2024-01.parquet: schema differs from the 1s schema");
    }

    @Test
    void validateFindsNothingWrongInGoodFiles() {
        assertThat(lake.validate(java.util.List.of())).isEmpty();
    }
}
