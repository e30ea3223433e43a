package org.marketlake.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

class TimestampParserTest {
    private static final TimestampParser UTC_ONLY = TimestampParser.of(null, null);

    @ParameterizedTest
    @CsvSource({
        "2024-01-02T14:30:00Z, 2024-01-02T14:30:00Z",
        "2024-01-02 09:30:00-05:00, 2024-01-02T14:30:00Z",
        "2024-01-02T14:30:00.123456789Z, 2024-01-02T14:30:00.123456Z",
        "2024-01-02T14:30:00+0100, 2024-01-02T13:30:00Z",
        "1969-12-31T23:59:59.9999999Z, 1969-12-31T23:59:59.999999Z",
    })
    void isoWithOffsetsFlooredToTheMicrosecond(String text, String expected) {
        assertThat(Micros.format(UTC_ONLY.parse(text))).isEqualTo(expected);
    }

    @Test
    void localTimesNeedAZoneAndIntegersAUnit() {
        assertThatThrownBy(() -> UTC_ONLY.parse("2024-01-02 09:30:00")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("--tz");
        assertThatThrownBy(() -> UTC_ONLY.parse("1704205800")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("--epoch-unit");
        TimestampParser newYork = TimestampParser.of(ZoneId.of("America/New_York"), EpochUnit.NS);
        assertThat(Micros.format(newYork.parse("2024-07-02 09:30:00"))).isEqualTo("2024-07-02T13:30:00Z");
        assertThat(Micros.format(newYork.parse("1704205800123456789"))).isEqualTo("2024-01-02T14:30:00.123456Z");
        assertThat(Micros.format(newYork.allowingAnyDate().parse("-1"))).isEqualTo("1969-12-31T23:59:59.999999Z");
    }

    @Test
    void impossibleDatesAreRefusedNotRolled() {
        assertThatThrownBy(() -> UTC_ONLY.parse("2024-02-30T00:00:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimestampParser.allowingDates(null, null).parse("2023-02-29")).isInstanceOf(IllegalArgumentException.class).hasMessage("not a date: 2023-02-29");
        assertThat(Micros.format(TimestampParser.allowingDates(null, null).parse("2024-02-29"))).isEqualTo("2024-02-29T00:00:00Z");
    }
}
