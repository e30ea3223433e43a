package org.marketlake.sources.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The documented JSON shapes, read by the streaming parser. */
class PageTest {
    private static Page parse(Shape shape, String json) throws Page.MalformedPage {
        return Page.parse(shape, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tradesWithNanosecondsAndAToken() throws Exception {
        Page page = parse(Shape.TRADES, """
                {"trades":[{"t":"2021-02-06T13:04:56.334320128Z","x":"C","p":387.62,"s":100,"c":[" ","T"],"i":52983525029461,"z":"B"},
                           {"t":"2021-02-06T13:04:56.334320128Z","x":"C","p":387.63,"s":5,"c":[],"i":52983525029462,"z":"B"}],
                 "symbol":"SPY","next_page_token":"MjAyMQ=="}
                """);
        assertThat(page.size).isEqualTo(2);
        assertThat(page.nanos[0]).isEqualTo(1612616696334320128L);
        assertThat(page.number("p", 1)).isEqualTo(387.63);
        assertThat(page.number("s", 0)).isEqualTo(100);
        assertThat(page.key(0)).isEqualTo("1612616696334320128|C|52983525029461");
        assertThat(page.nextPageToken).isEqualTo("MjAyMQ==");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2024-11-01T13:30:00Z", "2024-11-01T13:30:00.5Z", "2024-11-01T13:30:00.000001Z",
        "2024-11-01T13:30:00.123456789Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "2024-11-01T09:30:00-04:00",
        "2024-11-01T13:30:00.123+00:00"})
    void timestampsReadAsJavaReadsThem(String text) throws Exception {
        java.time.Instant instant = java.time.Instant.parse(text);
        assertThat(Page.nanos(text)).isEqualTo(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2024-02-30T00:00:00Z", "2024-06-31T00:00:00+00:00", "2024-01-01T24:00:00Z",
        "2024-06-30T23:59:60Z"})
    void impossibleTimestampsAreRefusedNotMoved(String text) {
        assertThatThrownBy(() -> Page.nanos(text)).isInstanceOf(Page.MalformedPage.class).hasMessage("bad timestamp t [value=" + text + "]");
    }

    @Test
    void anEmptyAnswerHasNullArrayAndNoToken() throws Exception {
        Page page = parse(Shape.BARS, "{\"bars\":null,\"symbol\":\"AAPL\",\"next_page_token\":null}");
        assertThat(page.size).isZero();
        assertThat(page.nextPageToken).isNull();
    }

    @Test
    void malformedBodiesAreNamed() {
        assertThatThrownBy(() -> parse(Shape.QUOTES, "{\"quotes\":[{\"t\":\"2024-01-02T14:30:00Z\",\"bp\":1"))
                .isInstanceOf(Page.MalformedPage.class).hasMessageStartingWith("malformed JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> parse(Shape.QUOTES, "{\"quotes\":[{\"bp\":1}]}")).hasMessage("a record of quotes has no t");
        assertThatThrownBy(() -> parse(Shape.QUOTES, "{\"quotes\":[{\"t\":\"yesterday\"}]}")).hasMessage("bad timestamp t [value=yesterday]");
        assertThatThrownBy(() -> parse(Shape.TRADES, "<html>502 Bad Gateway</html>")).hasMessageStartingWith("malformed JSON");
    }
}
