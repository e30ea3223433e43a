package org.marketlake.forecast.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.forecast.model.Series;
import org.marketlake.forecast.model.TimedForecast;

/**
 * The forecast as a picture: the recent closes, the median forecast, and the 10-90% band, over a time axis that
 * skips closed hours (bars are placed by position and labelled with their times).
 */
public final class ForecastChart {
    private static final BasicStroke ACTUAL_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 3f}, 0f);
    private ForecastChart() {}

    /** Writes the chart of {@code result} to {@code png}, with up to {@code historyBars} bars of history. */
    public static void write(TimedForecast result, Path png, int historyBars) {
        Charts.write(chart(result, historyBars), png, Charts.WIDTH, Charts.HEIGHT);
    }

    /** History shown by default: three horizons, at least 120 bars, at most 2,000. */
    public static int defaultHistoryBars(int horizon) {
        return Math.min(2_000, Math.max(120, 3 * horizon));
    }

    static JFreeChart chart(TimedForecast result, int historyBars) {
        Series history = result.history();
        Forecast forecast = result.forecast();
        int shown = Math.min(historyBars, history.size());
        int offset = history.size() - shown;
        int horizon = forecast.horizon();
        long[] positions = new long[shown + horizon];
        System.arraycopy(history.timestamps(), offset, positions, 0, shown);
        System.arraycopy(result.timestamps(), 0, positions, shown, horizon);

        XYSeries past = new XYSeries("history");
        for (int i = 0; i < shown; i++) {
            past.add(i, history.values()[offset + i]);
        }
        double[] median = forecast.median();
        double[] low = forecast.interpolated(0.1);
        double[] high = forecast.interpolated(0.9);
        YIntervalSeries future = new YIntervalSeries("median");
        // Start the forecast at the last close so the two lines join.
        double lastClose = history.values()[history.size() - 1];
        future.add(shown - 1, lastClose, lastClose, lastClose);
        for (int step = 0; step < horizon; step++) {
            future.add(shown + step, median[step], low[step], high[step]);
        }

        NumberAxis time = new NumberAxis(axisLabel(result));
        time.setNumberFormatOverride(new TimeLabels(positions, history.timeframe()));
        time.setAutoRangeIncludesZero(false);
        time.setRange(-0.5, positions.length - 0.5);
        // Labels are times, wider than the numbers the axis would measure: choose the spacing ourselves.
        time.setTickUnit(new NumberTickUnit(tickSpacing(positions.length, 10)), false, true);
        NumberAxis price = new NumberAxis(history.column());
        price.setAutoRangeIncludesZero(false);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setRangeAxis(price);
        XYLineAndShapeRenderer historyRenderer = new XYLineAndShapeRenderer(true, false);
        historyRenderer.setSeriesPaint(0, Charts.HISTORY);
        historyRenderer.setSeriesStroke(0, new BasicStroke(1.5f));
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, Charts.MEDIAN);
        bandRenderer.setSeriesFillPaint(0, Charts.MEDIAN);
        bandRenderer.setSeriesStroke(0, new BasicStroke(2f));
        bandRenderer.setAlpha(0.25f);
        plot.setDataset(0, new YIntervalSeriesCollection());
        ((YIntervalSeriesCollection) plot.getDataset(0)).addSeries(future);
        plot.setRenderer(0, bandRenderer);
        XYSeriesCollection pastData = new XYSeriesCollection(past);
        plot.setDataset(1, pastData);
        plot.setRenderer(1, historyRenderer);
        // A forecast made in the past (--at) shows what happened at its steps.
        XYSeries happened = new XYSeries("actual");
        result.actual().ifPresent(actual -> {
            for (int i = 0; i < actual.size(); i++) {
                int step = java.util.Arrays.binarySearch(result.timestamps(), actual.timestamps()[i]);
                if (step >= 0) {
                    happened.add(shown + step, actual.values()[i]);
                }
            }
        });
        if (!happened.isEmpty()) {
            XYLineAndShapeRenderer actualRenderer = new XYLineAndShapeRenderer(true, false);
            actualRenderer.setSeriesPaint(0, Charts.ACTUAL);
            actualRenderer.setSeriesStroke(0, ACTUAL_STROKE);
            plot.setDataset(2, new XYSeriesCollection(happened));
            plot.setRenderer(2, actualRenderer);
        }
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(Charts.GRID);
        plot.setRangeGridlinePaint(Charts.GRID);

        ValueMarker start = new ValueMarker(shown - 0.5, Charts.GRID.darker(), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        start.setLabel("forecast from " + org.marketlake.core.model.Micros.format(result.timestamps()[0]) + " ");
        start.setLabelBackgroundColor(java.awt.Color.WHITE);
        start.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        start.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        start.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(start);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("history (" + history.column() + ")", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(2f), Charts.HISTORY));
        legend.add(new LegendItem("median forecast", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(2f), Charts.MEDIAN));
        legend.add(new LegendItem("10-90% band", null, null, null, new Rectangle(-6, -6, 12, 12), Charts.BAND));
        if (!happened.isEmpty()) {
            legend.add(new LegendItem("actual (" + history.column() + ")", null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                    ACTUAL_STROKE, Charts.ACTUAL));
        }
        plot.setFixedLegendItems(legend);

        String title = history.symbol() + " " + history.timeframe() + " " + history.column() + ": " + result.method()
                + ", " + horizon + " steps";
        JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, true);
        return chart;
    }

    static String axisLabel(TimedForecast result) {
        boolean daily = result.history().timeframe().isDaily();
        if (result.calendar().aroundTheClock()) {
            return daily ? "date (UTC)" : "time (UTC)";
        }
        return daily ? "date (UTC, non-trading days skipped)" : "time (UTC, closed hours skipped)";
    }

    /** A round bar spacing that gives at most {@code labels} tick labels over {@code bars} bars. */
    static long tickSpacing(int bars, int labels) {
        long[] steps = {1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 390, 600, 1_440, 3_600, 7_200, 14_400, 43_200, 86_400};
        for (long step : steps) {
            if (bars / step < labels) {
                return step;
            }
        }
        return Math.max(1, bars / labels);
    }
}
