package org.marketlake.loader.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Micros;

class TimestampParserTest {
    private static String utc(String text) {
        long micros = new TimestampParser(ZoneOffset.UTC).parse(text);
        return micros == Long.MIN_VALUE ? "none" : Micros.format(micros);
    }

    @Test
    void theFormsTheLoaderMeets() {
        assertThat(utc("2014-03-03 09:30:00")).isEqualTo("2014-03-03T09:30:00Z");
        assertThat(utc("2014-03-03T09:30:00Z")).isEqualTo("2014-03-03T09:30:00Z");
        assertThat(utc("2014-03-03T09:30:00.25+01:00")).isEqualTo("2014-03-03T08:30:00.250000Z");
        assertThat(utc("2014-03-03")).isEqualTo("2014-03-03T00:00:00Z");
        assertThat(utc(" 2014-12-31 23:59:59 ")).isEqualTo("2014-12-31T23:59:59Z");
        assertThat(utc("2016-02-29 00:00:00")).isEqualTo("2016-02-29T00:00:00Z");
        assertThat(utc("2015-02-29 00:00:00")).isEqualTo("none");
        assertThat(utc("yesterday")).isEqualTo("none");
        assertThat(utc("12345")).isEqualTo("none");
    }

    @Test
    void textWithoutOffsetIsInTheZoneAcrossADaylightSavingSwitch() {
        TimestampParser newYork = new TimestampParser(ZoneId.of("America/New_York"));
        // 2014-03-09 is the spring-forward day: 01:30 is EST (-5), 03:30 EDT (-4).
        assertThat(Micros.format(newYork.parse("2014-03-09 01:30:00"))).isEqualTo("2014-03-09T06:30:00Z");
        assertThat(Micros.format(newYork.parse("2014-03-09 03:30:00"))).isEqualTo("2014-03-09T07:30:00Z");
        assertThat(Micros.format(newYork.parse("2014-03-09 03:30:00Z"))).isEqualTo("2014-03-09T03:30:00Z");
    }
}
