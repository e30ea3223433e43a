package org.marketlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.marketlake.cli.convert.DataKindConverter;
import org.marketlake.cli.convert.DateConverter;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.convert.TimePointConverter;
import org.marketlake.cli.convert.TimeframeConverter;
import org.marketlake.cli.convert.YearMonthConverter;
import org.marketlake.cli.convert.ZoneConverter;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimePoint;
import picocli.CommandLine.TypeConversionException;

/** Each converter: what it accepts, and the message of what it refuses (picocli prefixes the option's name). */
class ConvertersTest {

    @Test
    void dates() {
        assertThat(new DateConverter().convert("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> new DateConverter().convert("2023-02-29")).isInstanceOf(TypeConversionException.class)
                .hasMessage("not a date: 2023-02-29 (use YYYY-MM-DD)");
    }

    @Test
    void months() {
        assertThat(new YearMonthConverter().convert("2013-10")).isEqualTo(YearMonth.of(2013, 10));
        assertThatThrownBy(() -> new YearMonthConverter().convert("2024-13")).isInstanceOf(TypeConversionException.class)
                .hasMessage("not a month [value=2024-13]: use YYYY-MM");
    }

    @Test
    void timePointsKeepTheirMeaningUntilTheZoneIsKnown() {
        TimePoint instant = new TimePointConverter().convert("2013-10-07T14:30:00Z");
        assertThat(instant.first(null)).isEqualTo(Micros.of(java.time.Instant.parse("2013-10-07T14:30:00Z")));
        TimePoint wall = new TimePointConverter().convert("2013-10-07T10:30");
        assertThat(wall.first(ZoneId.of("America/New_York"))).isEqualTo(instant.first(null));
        TimePoint day = new TimePointConverter().convert("2013-10-07");
        assertThat(day.last(null) - day.first(null)).isEqualTo(Micros.PER_DAY - 1);
        assertThatThrownBy(() -> new TimePointConverter().convert("2013-06-31")).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("not a date: 2013-06-31 (use 2024-01-02, 2024-01-02T14:30:00Z");
    }

    @Test
    void zones() {
        assertThat(new ZoneConverter().convert("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThatThrownBy(() -> new ZoneConverter().convert("Mars/Olympus")).isInstanceOf(TypeConversionException.class)
                .hasMessage("unknown time zone [value=Mars/Olympus]: use an IANA name such as America/New_York or UTC");
    }

    @Test
    void symbolsTimeframesAndKinds() {
        assertThat(new SymbolConverter().convert("BRK.B")).isEqualTo(Symbol.of("BRK.B"));
        assertThatThrownBy(() -> new SymbolConverter().convert("../etc")).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("invalid symbol [value=../etc]");
        assertThat(new TimeframeConverter().convert("15m")).isEqualTo(Timeframe.M15);
        assertThatThrownBy(() -> new TimeframeConverter().convert("7m")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("7m");
        assertThat(new DataKindConverter().convert("quotes")).isEqualTo(DataKind.QUOTES);
        assertThat(new DataKindConverter().convert("1d")).isEqualTo(DataKind.bars(Timeframe.D1));
    }
}
