package org.marketlake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.marketlake.web.testing.DemoServer;
import org.marketlake.web.testing.HeadlessChromium;

/**
 * The pages in a real headless Chromium (one session for the whole class) over the demo lake: what a user sees,
 * read back from the page's own state and canvas. Screenshots go to target/screenshots, and to docs/img/ with
 * {@code -Dmarketlake.docScreenshots=true} (how the README's pictures are made).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        server = DemoServer.start(DemoServer.demoLake(), null);
        browser = HeadlessChromium.start(1280, 860);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    private static String page(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = browser.screenshot();
        Path local = Path.of("target/screenshots", name);
        Files.createDirectories(local.getParent());
        Files.write(local, png);
        if (Boolean.getBoolean("marketlake.docScreenshots")) {
            Files.write(Path.of("../docs/img", name), png);
        }
    }

    /** Opens a page and waits until its script says it is ready and {@code condition} holds. */
    private static void show(String path, String condition) {
        browser.open(page(path));
        browser.waitFor("window.marketlake && window.marketlake.ready && " + condition, WAIT);
    }

    private static JsonNode state(String expression) {
        return browser.evaluate(expression);
    }

    @Test
    @Order(1)
    void theLakePageListsTheDemoLake() throws IOException {
        show("/", "true");
        assertThat(state("document.querySelectorAll('#inventory tbody tr').length").asInt()).isEqualTo(13);
        assertThat(state("document.querySelector('#problems').textContent").asText()).isEmpty();
        assertThat(state("[...document.querySelectorAll('a.chart-link')].map(a => a.textContent).join(' ')").asText())
                .contains("IBM").contains("BTCUSD").contains("EURUSD");
        browser.evaluate("document.querySelector('#filter').focus()");
        browser.type("IBM");
        browser.waitFor("window.marketlake.shown === 6", WAIT);
        assertThat(state("document.querySelectorAll('#inventory tbody tr').length").asInt()).isEqualTo(6);
        assertThat(state("document.querySelector('#status').textContent").asText()).isEqualTo("6 of 13 rows");
        browser.evaluate("document.querySelector('#filter').value = ''; document.querySelector('#filter').dispatchEvent(new Event('input'))");
        browser.waitFor("window.marketlake.shown === 13", WAIT);
        screenshot("serve-lake.png");
    }

    @Test
    @Order(2)
    void theChartPageDrawsTheCandlesOfIbm1m() {
        show("/chart.html?symbol=IBM&timeframe=1m", "window.marketlake.bars > 0");
        assertThat(state("window.marketlake.served").asText()).isEqualTo("1m");
        // the page's own API call answered 453 bars (`ls`: IBM 1m, 453 rows), all of them on the chart
        assertThat(state("window.marketlake.bars").asInt()).isEqualTo(453);
        assertThat(state("window.marketlake.seriesSizes().candles").asInt()).isEqualTo(453);
        browser.waitFor("window.marketlake.visibleBars() > 0", WAIT);
        assertThat(state("window.marketlake.visibleBars()").asInt()).isBetween(400, 453);
        browser.waitFor("window.marketlake.candlePixels() > 500", WAIT);
        assertThat(state("document.querySelector('#status').textContent").asText()).isEqualTo("IBM 1m: 453 bars");
    }

    @Test
    @Order(3)
    void theMarketHoursToggleKeepsTheSession() {
        browser.evaluate("document.querySelector('#market-hours').click()");
        browser.waitFor("window.marketlake.ready && window.marketlake.marketHours && window.marketlake.bars === 390", WAIT);
        assertThat(state("location.search").asText()).contains("market_hours=true");
        browser.evaluate("document.querySelector('#market-hours').click()");
        browser.waitFor("window.marketlake.ready && !window.marketlake.marketHours && window.marketlake.bars === 453", WAIT);
    }

    @Test
    @Order(4)
    void theTimeZoneSwitchMovesTheAxisLabels() {
        browser.waitFor("window.marketlake.tickLabels.filter(l => /^\\d\\d:\\d\\d$/.test(l)).length > 3", WAIT);
        Set<String> utc = times(state("window.marketlake.tickLabels"));
        browser.evaluate("const tz = document.querySelector('#tz'); tz.value = 'America/New_York'; tz.dispatchEvent(new Event('change'))");
        browser.waitFor("window.marketlake.ready && window.marketlake.tz === 'America/New_York'"
                + " && window.marketlake.tickLabels.filter(l => /^\\d\\d:\\d\\d$/.test(l)).length > 3", WAIT);
        Set<String> newYork = times(state("window.marketlake.tickLabels"));
        assertThat(newYork).isNotEqualTo(utc);
        // 2013-10-07 is daylight time: New York is UTC-4, so each label of the same tick is four hours earlier
        Set<String> shifted = new TreeSet<>();
        utc.forEach(label -> shifted.add(LocalTime.parse(label).minusHours(4).toString()));
        assertThat(newYork).containsAnyElementsOf(shifted);
        assertThat(newYork).doesNotContainAnyElementsOf(new TreeSet<>(List.of("13:30"))).as("the open is 09:30 in New York");
    }

    @Test
    @Order(5)
    void aForecastOverlayAppearsBeyondTheLastBar() throws IOException {
        browser.evaluate("document.querySelector('#horizon').value = '120'; document.querySelector('#forecast').click()");
        browser.waitFor("window.marketlake.forecastPoints === 120", WAIT);
        JsonNode sizes = state("window.marketlake.seriesSizes()");
        assertThat(sizes.get("median").asInt()).isEqualTo(120);
        assertThat(sizes.get("band").asInt()).isEqualTo(120);
        assertThat(state("document.querySelector('#legend').textContent").asText()).startsWith("seasonal-naive, season 390: median and 10-90% band");
        browser.waitFor("window.marketlake.candlePixels() > 100", WAIT);
        screenshot("serve-chart.png");
    }

    @Test
    @Order(6)
    void zoomingIntoARollUpFetchesTheFinerBars() throws IOException {
        show("/chart.html?symbol=BTCUSD&timeframe=1s", "window.marketlake.bars > 0");
        // 4,063 1s bars are more than the page asks for (2,000): it shows the 1,419 1m bars first
        assertThat(state("window.marketlake.served").asText()).isEqualTo("1m");
        assertThat(state("window.marketlake.bars").asInt()).isEqualTo(1419);
        // 2016-10-07 12:00 to 12:30 UTC
        browser.evaluate("window.marketlake.showTime(1475841600, 1475843400)");
        browser.waitFor("window.marketlake.ready && window.marketlake.served === '1s'", WAIT);
        assertThat(state("window.marketlake.bars").asInt()).isBetween(10, 2000);
        screenshot("serve-chart-1s.png");
    }

    @Test
    @Order(7)
    void quotesAreDrawnAsABidAskBand() throws IOException {
        show("/chart.html?symbol=EURUSD&timeframe=quotes&start=2014-05-01T12:00:00Z&end=2014-05-01T13:00:00Z", "window.marketlake.quotes > 0");
        assertThat(state("window.marketlake.seriesSizes().bid").asInt()).isEqualTo(state("window.marketlake.quotes").asInt());
        // an hour of one quote per second, fewer than the 2,000 the page asks for: none thinned
        assertThat(state("document.querySelector('#status').textContent").asText()).doesNotContain("every");
        screenshot("serve-quotes.png");
    }

    @Test
    @Order(8)
    void theSqlPageAnswersAndRefusesCopy() throws IOException {
        show("/sql.html", "true");
        browser.evaluate("document.querySelector('#run').click()");
        browser.waitFor("window.marketlake.runs === 1 && window.marketlake.ready", WAIT);
        assertThat(state("window.marketlake.rowCount").asInt()).isEqualTo(2);
        assertThat(state("[...document.querySelectorAll('#result tbody tr td:first-child')].map(td => td.textContent).join(',')").asText())
                .isEqualTo("BTCUSD,IBM");
        assertThat(state("document.querySelector('#status').textContent").asText()).startsWith("2 rows");
        screenshot("serve-sql.png");
        browser.evaluate("document.querySelector('#sql').value = \"COPY (SELECT * FROM bars_1m) TO '/tmp/marketlake-browser-copy.csv'\";"
                + " document.querySelector('#run').click()");
        browser.waitFor("window.marketlake.runs === 2 && window.marketlake.ready", WAIT);
        assertThat(state("window.marketlake.status").asInt()).isEqualTo(403);
        assertThat(state("document.querySelector('#status').textContent").asText()).startsWith("sql is read-only");
        assertThat(state("document.querySelectorAll('#result tr').length").asInt()).isZero();
        assertThat(Files.exists(Path.of("/tmp/marketlake-browser-copy.csv"))).isFalse();
    }

    @Test
    @Order(9)
    void theCoveragePageShowsEachDay() throws IOException {
        show("/coverage.html?symbol=IBM&timeframe=1m", "true");
        assertThat(state("window.marketlake.days").asInt()).isEqualTo(1);
        assertThat(state("document.querySelector('#days tbody tr').textContent").asText()).startsWith("2013-10-07yes390390063100.0%");
        screenshot("serve-coverage.png");
    }

    private static Set<String> times(JsonNode labels) {
        List<String> all = new ArrayList<>();
        labels.forEach(label -> all.add(label.asText()));
        return new TreeSet<>(all.stream().filter(label -> label.matches("\\d\\d:\\d\\d")).toList());
    }
}
