package org.marketlake.forecast;

import org.marketlake.forecast.model.SeasonLength;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Timeframe;

class SeasonLengthTest {

    @Test
    void aTradingDayOfBarsForSessionMarketsAndAFullDayAroundTheClock() {
        assertThat(SeasonLength.of(Timeframe.M1, false).nominal()).isEqualTo(390);
        assertThat(SeasonLength.of(Timeframe.M1, true).nominal()).isEqualTo(1440);
        assertThat(SeasonLength.of(Timeframe.D1, false).nominal()).isEqualTo(5);
        assertThat(SeasonLength.of(Timeframe.D1, true).nominal()).isEqualTo(7);
        assertThat(SeasonLength.of(Timeframe.S1, false).nominal()).isEqualTo(23_400);
        assertThat(SeasonLength.of(Timeframe.M5, true).nominal()).isEqualTo(288);
        assertThat(SeasonLength.of(Timeframe.H1, false).nominal()).isEqualTo(7);
    }

    @Test
    void shortHistoriesFallBackToTheLongestCycleHeldMoreThanOnce() {
        SeasonLength minutes = SeasonLength.of(Timeframe.M1, false);
        assertThat(minutes.effective(780)).isEqualTo(390);
        // One day of IBM minute bars (453) holds the regular session's 390 and more: the season.
        assertThat(minutes.effective(453)).isEqualTo(390);
        assertThat(minutes.effective(391)).isEqualTo(390);
        assertThat(minutes.effective(390)).isEqualTo(60);
        assertThat(minutes.effective(61)).isEqualTo(60);
        assertThat(minutes.effective(60)).isEqualTo(1);
        assertThat(SeasonLength.of(Timeframe.D1, false).effective(5)).isEqualTo(1);
        assertThat(SeasonLength.of(Timeframe.D1, false).effective(6)).isEqualTo(5);
    }

    @Test
    void scalingUsesTheNominalSeasonWhenThePastIsLongerElseOne() {
        SeasonLength days = SeasonLength.of(Timeframe.D1, false);
        assertThat(days.forScaling(6)).isEqualTo(5);
        assertThat(days.forScaling(5)).isEqualTo(1);
    }
}
