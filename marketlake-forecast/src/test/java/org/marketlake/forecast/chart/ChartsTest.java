package org.marketlake.forecast.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.TestLakes;
import org.marketlake.forecast.LakeForecasts;
import org.marketlake.forecast.model.SeasonLength;
import org.marketlake.forecast.model.Series;
import org.marketlake.forecast.TestBars;
import org.marketlake.forecast.model.TimedForecast;
import org.marketlake.forecast.backtest.Backtest;
import org.marketlake.forecast.backtest.BacktestResult;
import org.marketlake.forecast.baseline.Baselines;
import org.marketlake.core.model.Frame;
import org.marketlake.forecast.ForecastRequest;

class ChartsTest {
    @TempDir
    Path folder;

    private static final Frame IBM = TestBars.csv("ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM");

    private static Series ibm() {
        return new Series(IBM.symbol(), Timeframe.M1, "close", java.util.Arrays.copyOf(IBM.timestamps(), IBM.size()),
                java.util.Arrays.copyOf(IBM.doubles("close"), IBM.size()));
    }

    private static TimedForecast forecast(int horizon) {
        return LakeForecasts.forecast(TestLakes.of(IBM), new ForecastRequest(IBM.symbol(), Timeframe.M1, "seasonal-naive", 0, horizon, Long.MAX_VALUE));
    }

    @Test
    void forecastChartIsAPngOfTheHouseSize() throws Exception {
        Path png = folder.resolve("charts/ibm.png");
        TimedForecast result = forecast(30);
        ForecastChart.write(result, png, ForecastChart.defaultHistoryBars(30));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(ForecastChart.chart(result, 120).getXYPlot().getFixedLegendItems().getItemCount()).isEqualTo(3);
    }

    @Test
    void aForecastInThePastAlsoShowsWhatHappened() {
        TimedForecast result = LakeForecasts.forecast(TestLakes.of(IBM),
                new ForecastRequest(IBM.symbol(), Timeframe.M1, "seasonal-naive", 0, 60, TestBars.micros("2013-10-07T15:00:00Z")));
        LegendItemCollection legend = ForecastChart.chart(result, 120).getXYPlot().getFixedLegendItems();
        assertThat(legend.getItemCount()).isEqualTo(4);
        assertThat(legend.get(3).getLabel()).isEqualTo("actual (close)");
        assertThat(ForecastChart.chart(result, 120).getXYPlot().getDataset(2).getItemCount(0)).isEqualTo(60);
    }

    @Test
    void backtestChartHasOneBarPerModelAndWindow() throws Exception {
        BacktestResult result = Backtest.run(ibm(), List.of(Baselines.naive(), Baselines.drift()), SeasonLength.of(Timeframe.M1, false), 30, 5);
        Path png = folder.resolve("backtest.png");
        BacktestChart.write(result, png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1200);
    }

    @Test
    void refusesAChartFileThatIsNotPng() {
        TimedForecast result = forecast(5);
        assertThatThrownBy(() -> ForecastChart.write(result, folder.resolve("chart.jpg"), 100))
                .isInstanceOf(org.marketlake.core.error.InvalidRequestException.class)
                .hasMessageStartingWith("chart file must end in .png [file=");
    }
}
