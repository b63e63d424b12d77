package org.istanas.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.istanas.report.run.Table;

/**
 * The learning curves of one metrics.csv, grouped into charts by column name, so that every strategy's columns
 * find a chart without the report knowing the strategies: {@code *_loss} (train, valid, test and the architecture
 * step's {@code arch_loss}), {@code *_acc}, {@code benchmark_*} (NAS-Bench-201 accuracy of the current
 * architecture), the learning rate, and solver columns ({@code solver_*}, {@code *iterations*}, {@code *residual*}).
 * Epochs are shown from 1.
 */
public final class Curves {
    /** A chart and the file name (without extension) its PNG and SVG get. */
    public record Named(String id, LineChart chart) {
    }

    private record Group(String id, String title, String yLabel, Predicate<String> columns) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("loss", "Loss", "loss", c -> c.endsWith("_loss") || c.equals("loss")),
            new Group("accuracy", "Accuracy", "accuracy", c -> (c.endsWith("_acc") || c.equals("accuracy"))
                    && !c.startsWith("benchmark_")),
            new Group("benchmark", "NAS-Bench-201 accuracy of the current architecture", "accuracy",
                    c -> c.startsWith("benchmark_")),
            new Group("lr", "Learning rate", "learning rate", c -> c.equals("lr") || c.endsWith("_lr")
                    || c.equals("learning_rate")),
            new Group("solver", "Sparse-coding solver", "value", c -> c.startsWith("solver_")
                    || c.contains("iterations") || c.contains("residual")));

    private Curves() {
    }

    /** The charts that have data, in the order above. */
    public static List<Named> of(Table metrics) {
        List<Named> charts = new ArrayList<>();
        if (!metrics.has("epoch") || metrics.size() == 0) {
            return charts;
        }
        double[] epochs = shown(metrics.numbers("epoch"));
        for (Group g : GROUPS) {
            LineChart chart = new LineChart(g.title(), "epoch", g.yLabel());
            for (String column : metrics.header()) {
                if (g.columns().test(column) && metrics.isNumeric(column)) {
                    chart.add(column, epochs, metrics.numbers(column));
                }
            }
            if (chart.hasData()) {
                charts.add(new Named(g.id(), chart));
            }
        }
        return charts;
    }

    /** Which group (chart id) a column is drawn in, or empty; for the documentation and tests. */
    public static Map<String, String> groups(List<String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : columns) {
            for (Group g : GROUPS) {
                if (g.columns().test(c)) {
                    out.put(c, g.id());
                    break;
                }
            }
        }
        return out;
    }

    /** 0-based epoch numbers as people count them. */
    static double[] shown(double[] epochs) {
        double[] out = new double[epochs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = epochs[i] + 1;
        }
        return out;
    }
}
