package org.marketlake.forecast;

import org.marketlake.forecast.model.Forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastTest {

    @Test
    void medianIsTheHalfQuantileOrInterpolatedBetweenNeighbours() {
        Forecast withMedian = new Forecast(new double[] {0.1, 0.5, 0.9}, new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {3, 4});
        assertThat(withMedian.median()).containsExactly(3, 4);

        Forecast without = new Forecast(new double[] {0.25, 0.75}, new double[][] {{1, 2}, {3, 6}}, new double[] {2, 4});
        assertThat(without.median()).containsExactly(2, 4);
        assertThat(without.interpolated(0.1)).containsExactly(1, 2);
        assertThat(without.interpolated(0.9)).containsExactly(3, 6);
    }

    @Test
    void refusesLevelsOutOfOrderAndRaggedQuantiles() {
        assertThatThrownBy(() -> new Forecast(new double[] {0.5, 0.1}, new double[][] {{1}, {2}}, new double[] {1}))
                .hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> new Forecast(new double[] {0.1, 0.9}, new double[][] {{1}, {2, 3}}, new double[] {1}))
                .hasMessage("quantile 0.9 has 2 steps, the mean 1");
    }

    @Test
    void labelsLevelsAsColumnNames() {
        assertThat(Forecast.label(0.1)).isEqualTo("q0.1");
        assertThat(Forecast.label(0.05)).isEqualTo("q0.05");
        assertThat(Forecast.label(0.5)).isEqualTo("q0.5");
    }
}
