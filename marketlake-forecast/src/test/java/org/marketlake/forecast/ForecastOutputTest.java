package org.marketlake.forecast;

import org.marketlake.forecast.output.ForecastOutput;

import org.marketlake.forecast.model.TimedForecast;

import org.marketlake.forecast.model.Series;

import org.marketlake.forecast.model.Forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.RowsWriter;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.calendar.SessionCalendar;

class ForecastOutputTest {
    private static final long MINUTE = 60_000_000L;

    /** Three closes, a two-step forecast with levels 0.1/0.5/0.9 made by hand. */
    private static TimedForecast sample() {
        long start = TestBars.micros("2024-03-08T14:30:00Z");
        Series history = new Series(Symbol.of("IBM"), Timeframe.M1, "close", new long[] {start, start + MINUTE, start + 2 * MINUTE},
                new double[] {181.5, 181.75, 181.25});
        Forecast forecast = new Forecast(new double[] {0.1, 0.5, 0.9}, new double[][] {{180.5, 180.25}, {181.25, 181.25}, {182.0, 182.5}},
                new double[] {181.25, 181.25});
        return new TimedForecast(history, "naive", "naive", SessionCalendar.aroundTheClock(Timeframe.M1),
                new long[] {start + 3 * MINUTE, start + 4 * MINUTE}, forecast);
    }

    private static String print(BiConsumer<TimedForecast, PrintWriter> printer) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            printer.accept(sample(), out);
        }
        return text.toString().replace("\r\n", "\n");
    }

    @Test
    void csvHasOneRowPerStepWithItsTimestamp() {
        assertThat(print((result, out) -> new RowsWriter(null).write(ForecastOutput.rows(result, false), OutputFormat.CSV, out))).isEqualTo("""
                timestamp,step,q0.1,q0.5,q0.9,mean
                2024-03-08T14:33:00Z,1,180.5,181.25,182,181.25
                2024-03-08T14:34:00Z,2,180.25,181.25,182.5,181.25
                """);
    }

    @Test
    void numbersAreRoundedToTwelveSignificantDigitsAndNeverInExponentForm() {
        assertThat(ForecastOutput.number(617.4999999999999)).isEqualTo("617.5");
        assertThat(ForecastOutput.number(0.00019323)).isEqualTo("0.00019323");
        assertThat(ForecastOutput.number(1.0 / 3)).isEqualTo("0.333333333333");
        assertThat(ForecastOutput.number(Double.NaN)).isEmpty();
        assertThat(ForecastOutput.json(ForecastOutput.jsonNumber(0.00019323))).isEqualTo("0.00019323");
        assertThat(ForecastOutput.jsonNumber(Double.NaN)).isNull();
    }

    @Test
    void jsonLinesCarryTheSameValuesWithSymbolAndModel() throws Exception {
        String[] lines = print((result, out) -> new RowsWriter(null).write(ForecastOutput.rows(result, true), OutputFormat.JSONL, out)).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.get("symbol").asText()).isEqualTo("IBM");
        assertThat(second.get("model").asText()).isEqualTo("naive");
        assertThat(second.get("timestamp").asText()).isEqualTo("2024-03-08T14:34:00Z");
        assertThat(second.get("step").asInt()).isEqualTo(2);
        assertThat(second.get("q0.1").asDouble()).isEqualTo(180.25);
        assertThat(second.get("q0.9").asDouble()).isEqualTo(182.5);
        assertThat(second.get("mean").asDouble()).isEqualTo(181.25);
    }

    @Test
    void tableNamesTheForecastAndAlignsRoundedColumns() {
        assertThat(print(ForecastOutput::table)).isEqualTo("""
                IBM 1m naive: 2 steps after 2024-03-08T14:32:00Z (last close 181.25); calendar every day, around the clock
                timestamp             step      q0.1      q0.5      q0.9      mean
                2024-03-08T14:33:00Z     1   180.500   181.250   182.000   181.250
                2024-03-08T14:34:00Z     2   180.250   181.250   182.500   181.250
                """);
    }
}
