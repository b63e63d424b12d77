package org.istanas.metrics.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every chart of istanas: white background, light grid, sans-serif text, the matplotlib colours. */
public final class ChartStyle {
    /** matplotlib's "tab10" colours, in order, so that figures look like the ones NAS papers print. */
    public static final Paint[] COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };
    private static final Color GRID = new Color(220, 220, 220);

    private ChartStyle() {
    }

    public static Paint colour(int series) {
        return COLOURS[Math.floorMod(series, COLOURS.length)];
    }

    /** Applies the look to an XY chart (line or scatter). */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            title.setText(ScatterPlot.displayable(title.getFont(), title.getText()));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setDomainGridlineStroke(new BasicStroke(1f));
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setOutlinePaint(Color.BLACK);
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                axis.setLabelFont(label);
                axis.setTickLabelFont(ticks);
                axis.setLabel(ScatterPlot.displayable(label, axis.getLabel() == null ? "" : axis.getLabel()));
            }
        }
        return chart;
    }
}
