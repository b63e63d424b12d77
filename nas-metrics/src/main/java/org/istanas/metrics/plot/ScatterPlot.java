package org.istanas.metrics.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.istanas.api.run.AtomicFiles;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scatter plot of paired values, e.g. search-time accuracy (x) against stand-alone accuracy (y) of the
 * architectures found by several searches, with the rank correlation in the title ({@code "τ-b = 0.62"}).
 * Immutable; build with {@link #builder()}. Drawn with JFreeChart (the charting library of all istanas plots,
 * docs/report.md), as PNG or SVG; safe with {@code -Djava.awt.headless=true}.
 */
public final class ScatterPlot {
    private static final Color POINT_FILL = new Color(31, 119, 180, 150);
    private static final double POINT_RADIUS = 4.5;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;

    private ScatterPlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The plot as a JFreeChart chart: axes fitted to the data (not forced through zero), 3% margin on both sides
     * so that no point sits on the frame.
     *
     * @throws IllegalArgumentException for empty, unequal-length or non-finite input
     */
    public JFreeChart chart(double[] x, double[] y) {
        check(x, y);
        XYSeries points = new XYSeries("points", false, true);
        for (int i = 0; i < x.length; i++) {
            points.add(x[i], y[i]);
        }
        NumberAxis xAxis = axis(xLabel);
        NumberAxis yAxis = axis(yLabel);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-POINT_RADIUS, -POINT_RADIUS, 2 * POINT_RADIUS,
                2 * POINT_RADIUS));
        renderer.setSeriesPaint(0, POINT_FILL);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(0, new Color(20, 70, 120));
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartStyle.apply(chart);
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeStickyZero(false);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        return axis;
    }

    /** Draws the plot; {@code info} (may be null) receives where the plot area and axes ended up. */
    public BufferedImage render(double[] x, double[] y, ChartRenderingInfo info) {
        return ChartFiles.image(chart(x, y), width, height, info);
    }

    public BufferedImage render(double[] x, double[] y) {
        return render(x, y, null);
    }

    /** Renders and writes the plot as PNG, atomically. */
    public void writePng(Path file, double[] x, double[] y) throws IOException {
        Objects.requireNonNull(file, "file is null");
        AtomicFiles.write(file, ChartFiles.png(chart(x, y), width, height));
    }

    /** Renders and writes the plot as SVG, atomically. */
    public void writeSvg(Path file, double[] x, double[] y) throws IOException {
        Objects.requireNonNull(file, "file is null");
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ChartFiles.svg(chart(x, y), width, height,
                "scatter") + "\n";
        AtomicFiles.write(file, svg.getBytes(StandardCharsets.UTF_8));
    }

    /** The text, or a spelled-out version when the font lacks a glyph (e.g. τ on a system without such fonts). */
    static String displayable(Font font, String text) {
        if (font.canDisplayUpTo(text) == -1) {
            return text;
        }
        String spelled = text.replace("τ", "tau").replace("ρ", "rho").replace("±", "+/-").replace("≥", ">=")
                .replace("≤", "<=");
        StringBuilder ascii = new StringBuilder();
        spelled.codePoints().forEach(c -> ascii.appendCodePoint(font.canDisplay(c) ? c : '?'));
        return ascii.toString();
    }

    private static void check(double[] x, double[] y) {
        Objects.requireNonNull(x, "x is null");
        Objects.requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("nothing to plot: x and y are empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is (" + x[i] + ", " + y[i]
                        + "); only finite values can be plotted");
            }
        }
    }

    /** Builder with defaults: no title, axis labels "x" and "y", 800 x 600 pixels. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "x";
        private String yLabel = "y";
        private int width = 800;
        private int height = 600;

        private Builder() {
        }

        /** Title above the plot, e.g. {@code "τ-b = 0.62 (n = 10)"}. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title is null");
            return this;
        }

        public Builder xLabel(String xLabel) {
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel is null");
            return this;
        }

        public Builder yLabel(String yLabel) {
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel is null");
            return this;
        }

        /** Image size in pixels, at least 300 x 200 so that the plot area is not empty. */
        public Builder size(int width, int height) {
            if (width < 300 || height < 200 || width > 10_000 || height > 10_000) {
                throw new IllegalArgumentException("size must be within 300x200 and 10000x10000, got "
                        + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public ScatterPlot build() {
            return new ScatterPlot(this);
        }
    }
}
