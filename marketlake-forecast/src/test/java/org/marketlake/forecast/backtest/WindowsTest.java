package org.marketlake.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.marketlake.core.error.InvalidDataException;

class WindowsTest {

    @Test
    void windowsStepBackByTheHorizonFromTheEnd() {
        // 10 values, horizon 3, 3 windows: [7,10) last, then [4,7), then [1,4); numbered oldest first.
        assertThat(Windows.place(10, 3, 3, 1)).containsExactly(
                new Window(1, 1, 4),
                new Window(2, 4, 7),
                new Window(3, 7, 10));
    }

    @Test
    void refusesWindowsThatLeaveTooLittleHistoryAndSaysHowManyFit() {
        assertThatThrownBy(() -> Windows.place(10, 3, 3, 2))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("3 windows of 3 bars need at least 11 bars (2 of history before the first), the series has 10:"
                        + " use 2 windows or a shorter horizon");
    }
}
