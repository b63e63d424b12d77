package org.istanas.metrics.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.metrics.SeedSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * One value per run for each variant of an ablation (e.g. the final validation accuracy of every seed): each run as
 * a point, and the variant's mean with a ± one sample standard deviation bar beside them, so that a reader sees both
 * the spread and the difference of the means. Drawn with JFreeChart like every istanas chart.
 */
public final class VariantPlot {
    private static final Color POINTS = new Color(31, 119, 180, 170);
    private static final Color MEAN = new Color(214, 39, 40);

    private VariantPlot() {
    }

    /**
     * @param variants variant names, in the order to draw them
     * @param values   per variant, one value per run (finite; at least one)
     * @param title    chart title (may be empty)
     * @param yLabel   what the values are
     */
    public static JFreeChart chart(List<String> variants, double[][] values, String title, String yLabel) {
        Objects.requireNonNull(variants, "variants is null");
        if (variants.isEmpty() || variants.size() != values.length) {
            throw new IllegalArgumentException("need one row of values per variant, got " + variants.size()
                    + " variants and " + values.length + " rows");
        }
        DefaultMultiValueCategoryDataset runs = new DefaultMultiValueCategoryDataset();
        DefaultStatisticalCategoryDataset means = new DefaultStatisticalCategoryDataset();
        for (int v = 0; v < variants.size(); v++) {
            double[] row = values[v];
            if (row.length == 0) {
                throw new IllegalArgumentException("variant " + variants.get(v) + " has no values");
            }
            List<Double> list = new ArrayList<>();
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("variant " + variants.get(v) + " has a non-finite value " + x);
                }
                list.add(x);
            }
            runs.add(list, "runs", variants.get(v));
            SeedSummary summary = SeedSummary.of(row);
            means.add(summary.mean(), summary.std() == null ? 0.0 : summary.std(), "mean ± std", variants.get(v));
        }
        CategoryAxis x = new CategoryAxis("variant");
        if (variants.stream().mapToInt(String::length).max().orElse(0) > 14) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setLowerMargin(0.08);
        y.setUpperMargin(0.08);

        ScatterRenderer points = new ScatterRenderer();
        points.setUseSeriesOffset(false);
        points.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        points.setSeriesPaint(0, POINTS);
        StatisticalLineAndShapeRenderer bars = new StatisticalLineAndShapeRenderer(false, true);
        bars.setSeriesShape(0, new java.awt.Rectangle(-6, -2, 12, 4));
        bars.setSeriesPaint(0, MEAN);
        bars.setErrorIndicatorPaint(MEAN);
        bars.setErrorIndicatorStroke(new BasicStroke(2f));
        bars.setItemMargin(0);

        CategoryPlot plot = new CategoryPlot(runs, x, y, points);
        plot.setDataset(1, means);
        plot.setRenderer(1, bars);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.BLACK);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        x.setLabelFont(label);
        x.setTickLabelFont(ticks);
        y.setLabelFont(label);
        y.setTickLabelFont(ticks);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart);
    }
}
