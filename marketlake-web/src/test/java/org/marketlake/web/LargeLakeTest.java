package org.marketlake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;
import org.marketlake.web.testing.DemoServer;

/**
 * A week of 1s bars around the clock (604,800 in one month file) and their roll-ups: the chart's request for the
 * whole range is answered from a roll-up that fits, a day from 1m bars, half an hour from the 1s bars themselves;
 * the 1s file is never sent whole.
 */
class LargeLakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECONDS = 7 * 86_400;

    @TempDir
    Path root;

    @Test
    void eachRangeIsAnsweredFromTheFinestRollUpThatFits() throws IOException {
        Lake lake = Lake.open(root);
        Symbol symbol = Symbol.of("SYNTH");
        long start = Bars.micros("2024-03-04T00:00:00Z");
        lake.write(Bars.random(Timeframe.S1, symbol.value(), start, Micros.PER_SECOND, SECONDS, 19));
        Rollup.fromStoredSeconds(lake, symbol, EnumSet.range(Timeframe.M1, Timeframe.H1),
                new TimeRange(start, start + SECONDS * Micros.PER_SECOND - 1), Session.UTC);
        try (WebServer server = DemoServer.start(root, null)) {
            // 604,800 1s, 10,080 1m and 2,016 5m bars are more than 2,000; the 672 15m bars fit
            JsonNode week = bars(server, "");
            assertThat(week.get("timeframe").asText()).isEqualTo("15m");
            assertThat(week.get("rows").asInt()).isEqualTo(672);
            JsonNode day = bars(server, "&start=2024-03-06&end=2024-03-06");
            assertThat(day.get("timeframe").asText()).isEqualTo("1m");
            assertThat(day.get("rows").asInt()).isEqualTo(1440);
            JsonNode halfHour = bars(server, "&start=2024-03-06T12:00:00Z&end=2024-03-06T12:29:59Z");
            assertThat(halfHour.get("timeframe").asText()).isEqualTo("1s");
            assertThat(halfHour.get("rows").asInt()).isEqualTo(1800);
        }
    }

    private static JsonNode bars(WebServer server, String range) throws IOException {
        HttpResponse<String> response = DemoServer.get(server, "/api/bars?symbol=SYNTH&timeframe=1s&max_points=2000" + range);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body().length()).as("bytes sent").isLessThan(400_000);
        return JSON.readTree(response.body());
    }
}
