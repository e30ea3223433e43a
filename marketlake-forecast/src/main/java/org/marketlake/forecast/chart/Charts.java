package org.marketlake.forecast.chart;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.marketlake.core.error.InvalidRequestException;

/** Writes charts as PNG files, headless (no display needed), in one house style. */
final class Charts {
    static final Color HISTORY = new Color(0x33, 0x33, 0x33);
    static final Color MEDIAN = new Color(0x1f, 0x77, 0xb4);
    /** The band as it shows on white: the median colour at the renderer's 25% alpha. */
    static final Color BAND = new Color(0xc7, 0xdd, 0xec);
    static final Color ACTUAL = new Color(0xd6, 0x27, 0x28);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color[] MODELS = {new Color(0x7f, 0x7f, 0x7f), new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd)};
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final int WIDTH = 1200;
    static final int HEIGHT = 600;

    private Charts() {}

    static void write(JFreeChart chart, Path png, int width, int height) {
        // Headless before any AWT class loads: charts are drawn on servers and in CI without a display.
        System.setProperty("java.awt.headless", "true");
        if (!png.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new InvalidRequestException("chart file must end in .png [file=" + png + "]");
        }
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            chart.setBackgroundPaint(Color.WHITE);
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart [file=" + png + "]: " + e.getMessage(), e);
        }
    }
}
