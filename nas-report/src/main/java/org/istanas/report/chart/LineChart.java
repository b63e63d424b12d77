package org.istanas.report.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.metrics.plot.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves over epochs (loss, accuracy, learning rate...) as a JFreeChart line chart. NaN values are gaps, not zeros;
 * points are marked while there are few epochs so that a one-epoch run still shows something.
 */
public final class LineChart {
    /** One named curve; {@code x} and {@code y} have the same length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name is null");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length
                        + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        boolean hasValues() {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNull(title, "title is null");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel is null");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel is null");
    }

    public LineChart add(Series s) {
        series.add(Objects.requireNonNull(s, "series is null"));
        return this;
    }

    public LineChart add(String name, double[] x, double[] y) {
        return add(new Series(name, x, y));
    }

    /** Whether any series has a finite value (an empty chart is not worth drawing). */
    public boolean hasData() {
        return series.stream().anyMatch(Series::hasValues);
    }

    public String title() {
        return title;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        int points = 0;
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                // null y: JFreeChart leaves a gap instead of joining across a missing epoch
                xy.add(s.x()[i], Double.isFinite(s.y()[i]) ? Double.valueOf(s.y()[i]) : null);
            }
            points = Math.max(points, s.x().length);
            data.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points <= 40);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setAutoRangeStickyZero(false);
        // a constant curve (a fixed learning rate) gets an axis of +-10% around its value, not of 1e-8
        double largest = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y()))
                .filter(Double::isFinite).map(Math::abs).max().orElse(1);
        y.setAutoRangeMinimumSize(largest > 0 ? largest * 0.2 : 1);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1);
        return ChartStyle.apply(chart);
    }
}
