package org.marketlake.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * The lake's one timestamp parser as a table: which parser (what the caller said: a zone, an epoch unit, dates
 * allowed, any date), the text, and either the instant it means or the exception and message it is refused with.
 */
class TimestampParserTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static TimestampParser parser(String name) {
        return switch (name) {
            case "strict" -> TimestampParser.strict();
            case "utc" -> TimestampParser.of(ZoneOffset.UTC, null);
            case "new-york" -> TimestampParser.of(NEW_YORK, null);
            case "dates" -> TimestampParser.allowingDates(null, null);
            case "new-york-dates" -> TimestampParser.allowingDates(NEW_YORK, null);
            case "s", "ms", "us", "ns" -> TimestampParser.of(null, EpochUnit.parse(name));
            case "ms-any-date", "ns-any-date" -> TimestampParser.of(null, EpochUnit.parse(name.substring(0, 2))).allowingAnyDate();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # parser       | text                               | the instant, or the refusal
        # ISO-8601 with Z or an offset: the fast path, fractions floored to the microsecond
        strict         | 2024-01-02T14:30:00Z               | 2024-01-02T14:30:00Z
        strict         | 2024-01-02t14:30:00z               | 2024-01-02T14:30:00Z
        strict         | 2013-10-07 04:00:30.27-04:00       | 2013-10-07T08:00:30.270000Z
        strict         | 2013-10-07T04:00:30-0400           | 2013-10-07T08:00:30Z
        strict         | 2013-10-07T10:00:30+02             | 2013-10-07T08:00:30Z
        strict         | 2024-02-29T23:59:59.999999999Z     | 2024-02-29T23:59:59.999999Z
        strict         | 2024-01-01T00:00:00.0000019Z       | 2024-01-01T00:00:00.000001Z
        strict         | 1969-12-31T23:59:59.9999999Z       | 1969-12-31T23:59:59.999999Z
        # other ISO forms: java.time, strictly resolved
        strict         | 2024-01-02T14:30Z                  | 2024-01-02T14:30:00Z
        strict         | 2024-01-02 09:30:00 -05:00         | 2024-01-02T14:30:00Z
        strict         | 2024-01-02T14:30:00+05:30:15       | 2024-01-02T08:59:45Z
        strict         | 1600-03-01T00:00:00Z               | 1600-03-01T00:00:00Z
        strict         | " 2024-01-02T14:30:00Z "           | 2024-01-02T14:30:00Z
        # impossible dates and times are refused, never moved
        strict         | 2023-02-29T00:00:00Z               | IllegalArgumentException: date or time out of range: 2023-02-29T00:00:00Z
        strict         | 2024-06-31T00:00:00Z               | IllegalArgumentException: date or time out of range: 2024-06-31T00:00:00Z
        strict         | 2024-13-02T09:30:00Z               | IllegalArgumentException: date or time out of range: 2024-13-02T09:30:00Z
        strict         | 2024-01-02T24:00:00Z               | IllegalArgumentException: date or time out of range: 2024-01-02T24:00:00Z
        strict         | 2024-01-02T09:60:00Z               | IllegalArgumentException: date or time out of range: 2024-01-02T09:60:00Z
        strict         | 2024-01-02T24:00Z                  | IllegalArgumentException: not an ISO-8601 timestamp: 2024-01-02T24:00Z
        strict         | 2024-01-02T14:30:00+19:00          | IllegalArgumentException: not an ISO-8601 timestamp: 2024-01-02T14:30:00+19:00
        strict         | 2024-01-02T14:30:00.Z              | IllegalArgumentException: not an ISO-8601 timestamp: 2024-01-02T14:30:00.Z
        strict         | yesterday                          | IllegalArgumentException: not an ISO-8601 timestamp: yesterday
        strict         | ""                                 | IllegalArgumentException: empty timestamp
        # without an offset: only with a zone
        strict         | 2024-01-02T09:30:00                | InvalidRequestException: timestamp without an offset [value=2024-01-02T09:30:00]: add Z or an offset, or give the time zone it is in
        strict         | 2024-01-02 09:30                   | InvalidRequestException: timestamp without an offset [value=2024-01-02 09:30]: add Z or an offset, or give the time zone it is in
        utc            | 2014-03-03 09:30:00                | 2014-03-03T09:30:00Z
        utc            | 2014-03-03T09:30                   | 2014-03-03T09:30:00Z
        new-york       | 2024-01-02T09:30:00                | 2024-01-02T14:30:00Z
        new-york       | 2024-07-02 09:30:00.25             | 2024-07-02T13:30:00.250000Z
        new-york       | 2024-07-02T09:30:00Z               | 2024-07-02T09:30:00Z
        # daylight-saving switches in New York: 2024-03-10 02:00 -> 03:00 (a gap), 2024-11-03 02:00 -> 01:00 (an overlap)
        new-york       | 2024-03-10T01:59:59                | 2024-03-10T06:59:59Z
        new-york       | 2024-03-10T02:30:00                | IllegalArgumentException: local time 2024-03-10T02:30 does not exist in America/New_York (skipped by a daylight-saving switch)
        new-york       | 2024-03-10T02:30                   | IllegalArgumentException: local time 2024-03-10T02:30 does not exist in America/New_York (skipped by a daylight-saving switch)
        new-york       | 2024-03-10T03:00:00                | 2024-03-10T07:00:00Z
        new-york       | 2024-11-03T01:30:00                | 2024-11-03T05:30:00Z
        new-york       | 2024-11-03T01:30:00-05:00          | 2024-11-03T06:30:00Z
        new-york       | 2024-11-03T02:00:00                | 2024-11-03T07:00:00Z
        # bare dates: only where dates are allowed, midnight in the zone or UTC
        strict         | 2024-01-02                         | IllegalArgumentException: a date without a time: 2024-01-02
        dates          | 2024-02-29                         | 2024-02-29T00:00:00Z
        dates          | 2023-02-29                         | IllegalArgumentException: not a date: 2023-02-29
        dates          | 2024-06-31                         | IllegalArgumentException: not a date: 2024-06-31
        new-york-dates | 2024-07-02                         | 2024-07-02T04:00:00Z
        # integers: only with a unit, and only landing in [1971, 2100) unless any date is allowed
        strict         | 1380000000                         | "InvalidRequestException: integer timestamp [value=1380000000] needs its epoch unit: s, ms, us or ns"
        s              | 1380000000                         | 2013-09-24T05:20:00Z
        ms             | 1380000000123                      | 2013-09-24T05:20:00.123000Z
        us             | 1380000000123456                   | 2013-09-24T05:20:00.123456Z
        ns             | 1380000000123456789                | 2013-09-24T05:20:00.123456Z
        ms             | 1719840600                         | DateTimeException: as ms since 1970 it is 1970-01-20T21:44:00.600000Z, outside 1971-01-01 to 2099-12-31: check the epoch unit, or allow any date
        s              | 1719840600000                      | DateTimeException: as s since 1970 it is +56469-07-30T12:00:00Z, outside 1971-01-01 to 2099-12-31: check the epoch unit, or allow any date
        ms-any-date    | 1719840600                         | 1970-01-20T21:44:00.600000Z
        ns-any-date    | -1                                 | 1969-12-31T23:59:59.999999Z
        """)
    void table(String parser, String text, String expected) {
        TimestampParser timestamps = parser(parser);
        String input = text == null ? "" : text;
        if (!expected.contains(": ")) {
            assertThat(Micros.format(timestamps.parse(input))).isEqualTo(expected);
            if (input.equals(input.strip())) {
                byte[] bytes = ("," + input + ",").getBytes(StandardCharsets.ISO_8859_1);
                assertThat(Micros.format(timestamps.parse(bytes, 1, bytes.length - 1))).as("from bytes").isEqualTo(expected);
            }
            return;
        }
        String type = expected.substring(0, expected.indexOf(": "));
        String message = expected.substring(expected.indexOf(": ") + 2);
        assertThatThrownBy(() -> timestamps.parse(input))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .hasMessage(message);
    }

    static LongStream seeds() {
        return LongStream.of(1, 2, 3);
    }

    /** The fast path must agree with java.time on any instant, offset and New York wall-clock time (seeded). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fastPathAgreesWithJavaTime(long seed) {
        Random random = new Random(seed);
        TimestampParser strict = TimestampParser.strict();
        TimestampParser newYork = TimestampParser.of(NEW_YORK, null);
        for (int i = 0; i < 20_000; i++) {
            long seconds = (long) (random.nextDouble() * 4_000_000_000L) - 1_000_000_000L;
            int nanos = random.nextInt(1_000_000_000);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
            String text = time.toString();
            assertThat(strict.parse(text)).as(text).isEqualTo(Math.floorDiv(seconds * 1_000_000_000L + nanos, 1000L));
            LocalDateTime local = Instant.ofEpochSecond(seconds, nanos).atZone(NEW_YORK).toLocalDateTime();
            long earlier = local.atZone(NEW_YORK).withEarlierOffsetAtOverlap().toEpochSecond();
            assertThat(newYork.parse(local.toString())).as(local.toString()).isEqualTo(Math.floorDiv(earlier * 1_000_000_000L + nanos, 1000L));
        }
    }

    @Test
    void commandLineTimesKeepTheirMeaningUntilTheZoneIsKnown() {
        TimePoint day = TimestampParser.point("2024-11-03");
        assertThat(day).isEqualTo(new TimePoint.Day(LocalDate.of(2024, 11, 3)));
        assertThat(Micros.format(day.first(null))).isEqualTo("2024-11-03T00:00:00Z");
        assertThat(Micros.format(day.last(null))).isEqualTo("2024-11-03T23:59:59.999999Z");
        // The day of the autumn switch in New York lasts 25 hours.
        assertThat(Micros.format(day.first(NEW_YORK))).isEqualTo("2024-11-03T04:00:00Z");
        assertThat(Micros.format(day.last(NEW_YORK))).isEqualTo("2024-11-04T04:59:59.999999Z");

        TimePoint wall = TimestampParser.point("2013-10-07T11:00");
        assertThatThrownBy(() -> wall.first(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("time without an offset [value=2013-10-07T11:00]: add Z or an offset, or give the time zone it is in");
        assertThat(Micros.format(wall.first(NEW_YORK))).isEqualTo("2013-10-07T15:00:00Z");
        assertThatThrownBy(() -> TimestampParser.point("2024-03-10T02:30").first(NEW_YORK)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("local time 2024-03-10T02:30 does not exist in America/New_York (skipped by a daylight-saving switch)");

        assertThat(TimestampParser.point("2013-10-07T11:00-04:00")).isEqualTo(new TimePoint.At(Micros.of(Instant.parse("2013-10-07T15:00:00Z"))));
        assertThatThrownBy(() -> TimestampParser.point("2023-02-29")).isInstanceOf(IllegalArgumentException.class).hasMessage("not a date: 2023-02-29");
        assertThatThrownBy(() -> TimestampParser.point("1380000000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ISO-8601 timestamp: 1380000000");
    }

    @Test
    void apiInstantsKeepTheirNanoseconds() {
        assertThat(TimestampParser.epochNanos("2024-01-02T14:30:00.123456789Z")).isEqualTo(1_704_205_800_123_456_789L);
        assertThat(TimestampParser.epochNanos("2024-01-02T09:30:00.1-05:00")).isEqualTo(1_704_205_800_100_000_000L);
        assertThat(TimestampParser.epochNanos("2024-01-02T14:30Z")).isEqualTo(1_704_205_800_000_000_000L);
        assertThatThrownBy(() -> TimestampParser.epochNanos("2024-01-02T14:30:00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an instant with Z or an offset: 2024-01-02T14:30:00");
        assertThatThrownBy(() -> TimestampParser.epochNanos("2024-01-02T24:00:00Z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date or time out of range: 2024-01-02T24:00:00Z");
    }

    @Test
    void zonesAndDates() {
        assertThat(TimestampParser.zone("America/New_York")).isEqualTo(NEW_YORK);
        assertThat(TimestampParser.zone(null)).isNull();
        assertThatThrownBy(() -> TimestampParser.zone("Mars/Olympus")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown time zone [value=Mars/Olympus]: use an IANA name such as America/New_York or UTC");
        assertThat(TimestampParser.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> TimestampParser.date("2024-2-29")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a date YYYY-MM-DD: 2024-2-29");
    }
}
