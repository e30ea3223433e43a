package org.marketlake.forecast.chart;

import java.awt.Font;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.marketlake.forecast.backtest.BacktestResult;
import org.marketlake.forecast.backtest.ModelScore;
import org.marketlake.forecast.backtest.WindowScore;

/** The per-window scores of a backtest: MASE above, WQL below, one bar per model in each window. */
public final class BacktestChart {
    private BacktestChart() {}

    public static void write(BacktestResult result, Path png) {
        Charts.write(chart(result), png, Charts.WIDTH, Charts.HEIGHT + 100);
    }

    static JFreeChart chart(BacktestResult result) {
        DefaultCategoryDataset mase = new DefaultCategoryDataset();
        DefaultCategoryDataset wql = new DefaultCategoryDataset();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(result.timeframe().isDaily() ? "yyyy-MM-dd" : "MM-dd HH:mm").withZone(ZoneOffset.UTC);
        for (ModelScore model : result.models()) {
            for (WindowScore window : model.windows()) {
                String category = "#" + window.window().number() + " " + format.format(Instant.ofEpochSecond(Math.floorDiv(window.firstMicros(), 1_000_000L)));
                mase.addValue(finiteOrNull(window.mase()), model.model(), category);
                wql.addValue(finiteOrNull(window.wql()), model.model(), category);
            }
            mase.addValue(finiteOrNull(model.mase()), model.model(), "mean");
            wql.addValue(finiteOrNull(model.wql()), model.model(), "mean");
        }
        CategoryAxis windows = new CategoryAxis("window (first forecast bar, UTC)");
        if (result.windows().size() > 12) {
            windows.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        windows.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(windows);
        CategoryPlot top = subplot(mase, "MASE (median)");
        plot.add(top, 1);
        plot.add(subplot(wql, "WQL"), 1);
        // Both subplots show the same models in the same colours: one legend entry each.
        plot.setFixedLegendItems(top.getLegendItems());
        String title = result.symbol() + " " + result.timeframe() + " backtest: " + result.windows().size() + " windows of "
                + result.horizon() + " bars (lower is better)";
        return new JFreeChart(title, Charts.TITLE, plot, true);
    }

    private static CategoryPlot subplot(DefaultCategoryDataset data, String label) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int series = 0; series < data.getRowCount(); series++) {
            renderer.setSeriesPaint(series, Charts.MODELS[series % Charts.MODELS.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, null, new NumberAxis(label), renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        return plot;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
