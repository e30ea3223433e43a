package org.marketlake.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketlake.cli.CliRun;

/**
 * Issue #13: every command reads times with the lake's one parser and gives them the same meaning: a date, an
 * instant with Z or an offset, or a time without one only with {@code --tz}; impossible dates refused (exit 2).
 */
class TimeOptionsTest extends DemoLakeTest {
    private CliRun forecastAt(String... more) {
        String[] base = {"forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "1", "--format", "csv", "--model", "naive"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void forecastAtRefusesATimeWithoutAnOffsetUnlessTzSaysWhatItMeans() {
        CliRun naive = forecastAt("--at", "2013-10-07T11:00");
        assertThat(naive.exitCode()).isEqualTo(2);
        assertThat(naive.err()).isEqualTo("marketlake: time without an offset [value=2013-10-07T11:00]: add Z or an offset, or give the time zone it is in (--tz ZONE)"
                + System.lineSeparator());
        assertThat(naive.out()).isEmpty();

        // 11:00 in New York on 2013-10-07 (EDT, -4) is 15:00Z: the same forecast as the Z and the offset forms.
        String expected = forecastAt("--at", "2013-10-07T15:00:00Z").out();
        assertThat(expected).contains("\n2013-10-07T15:00:00Z,1,");
        CliRun zoned = forecastAt("--at", "2013-10-07T11:00", "--tz", "America/New_York");
        assertThat(zoned.exitCode()).as(zoned.err()).isZero();
        assertThat(zoned.out()).isEqualTo(expected);
        assertThat(forecastAt("--at", "2013-10-07T11:00-04:00").out()).isEqualTo(expected);
    }

    @Test
    void impossibleDatesAreUsageErrorsEverywhere() {
        CliRun at = forecastAt("--at", "2023-02-29");
        assertThat(at.exitCode()).isEqualTo(2);
        assertThat(at.err()).startsWith("marketlake: Invalid value for option '--at': not a date: 2023-02-29 (use 2024-01-02,");

        CliRun query = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "IBM", "--start", "2013-06-31", "--end", "2013-10-08");
        assertThat(query.exitCode()).isEqualTo(2);
        assertThat(query.err()).startsWith("marketlake: Invalid value for option '--start': not a date: 2013-06-31");

        CliRun hour = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "IBM", "--start", "2013-10-07T24:00:00Z", "--end", "2013-10-08");
        assertThat(hour.exitCode()).isEqualTo(2);
        assertThat(hour.err()).startsWith("marketlake: Invalid value for option '--start': date or time out of range: 2013-10-07T24:00:00Z");

        CliRun export = CliRun.of("chronos", "export", "--root", root, "--start", "2013-10-07T09:30", "--out", folder.resolve("x.parquet").toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("time without an offset [value=2013-10-07T09:30]");
    }

    @Test
    void aTimeADaylightSavingSwitchSkipsIsRefused() {
        CliRun query = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "IBM",
                "--start", "2024-03-10T02:30", "--end", "2024-03-11", "--tz", "America/New_York");
        assertThat(query.exitCode()).isEqualTo(2);
        assertThat(query.err()).isEqualTo("marketlake: local time 2024-03-10T02:30 does not exist in America/New_York (skipped by a daylight-saving switch)"
                + System.lineSeparator());
    }

    @Test
    void queryBoundsWithAZoneMeanTheSameAsWithAnOffset() {
        CliRun zoned = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "IBM", "--format", "csv",
                "--start", "2013-10-07T09:30", "--end", "2013-10-07T09:31", "--tz", "America/New_York");
        assertThat(zoned.exitCode()).as(zoned.err()).isZero();
        CliRun offset = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "IBM", "--format", "csv",
                "--start", "2013-10-07T13:30:00Z", "--end", "2013-10-07T09:31-04:00");
        assertThat(offset.out()).isEqualTo(zoned.out().replace("T09:30:00-04:00", "T13:30:00Z").replace("T09:31:00-04:00", "T13:31:00Z"));
        assertThat(offset.out().lines().count()).isEqualTo(3);
    }
}
