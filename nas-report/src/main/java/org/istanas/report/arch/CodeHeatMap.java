package org.istanas.report.arch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.istanas.report.html.Html;
import org.istanas.report.run.Supports;
import org.istanas.report.run.Table;

/**
 * How the architecture codes evolved: for each cell, one row per (node, input, operation) entry of codes.csv and
 * one column per epoch, shaded by |z| relative to the largest |z| of that node over the run (white 0, dark blue the
 * largest), with the node's support of that epoch outlined in red. The exact value is the cell's tooltip. An HTML
 * table, so that it needs no chart library and stays readable for 100 entries.
 */
public final class CodeHeatMap {
    private static final Pattern ENTRY = Pattern.compile("(normal|reduce)_n(\\d+)_in(\\d+)_(.+)");

    private record Entry(String cell, int node, int input, String op, int column) {
        String nodeKey() {
            return cell + "_n" + node;
        }

        String support() {
            return op + "@" + input;
        }
    }

    private CodeHeatMap() {
    }

    /** The heat maps of both cells, or empty text when codes.csv has no entry columns. */
    public static String html(Table codes, Supports supports, String valueName) {
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < codes.header().size(); c++) {
            Matcher m = ENTRY.matcher(codes.header().get(c));
            if (m.matches()) {
                entries.add(new Entry(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4), c));
            }
        }
        if (entries.isEmpty() || codes.size() == 0) {
            return "";
        }
        double[][] abs = new double[codes.size()][codes.header().size()];
        for (int r = 0; r < codes.size(); r++) {
            for (Entry e : entries) {
                double v = parse(codes.rows().get(r).get(e.column()));
                abs[r][e.column()] = Math.abs(v);
            }
        }
        Map<String, Double> nodeMax = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (double[] row : abs) {
                if (Double.isFinite(row[e.column()])) {
                    nodeMax.merge(e.nodeKey(), row[e.column()], Math::max);
                }
            }
        }
        List<String> epochs = codes.has("epoch") ? codes.text("epoch") : List.of();
        StringBuilder out = new StringBuilder("<div class=\"heats\">\n");
        for (String cell : List.of("normal", "reduce")) {
            List<Entry> ofCell = entries.stream().filter(e -> e.cell().equals(cell)).toList();
            if (ofCell.isEmpty()) {
                continue;
            }
            out.append("<div><h3>").append(cell).append(" cell</h3><table class=\"heat\"><thead><tr><th>entry</th>");
            for (int r = 0; r < codes.size(); r++) {
                String epoch = r < epochs.size() ? shown(epochs.get(r)) : Integer.toString(r + 1);
                out.append("<th title=\"epoch ").append(epoch).append("\">").append(epoch).append("</th>");
            }
            out.append("</tr></thead><tbody>");
            String currentNode = "";
            for (Entry e : ofCell) {
                if (!e.nodeKey().equals(currentNode)) {
                    currentNode = e.nodeKey();
                    out.append("<tr><th class=\"node\" colspan=\"").append(codes.size() + 1).append("\">node ")
                            .append(e.node()).append("</th></tr>");
                }
                out.append("<tr><th>").append(Html.escape(e.op())).append(" (in ").append(e.input()).append(")</th>");
                double max = nodeMax.getOrDefault(e.nodeKey(), 0.0);
                for (int r = 0; r < codes.size(); r++) {
                    double v = abs[r][e.column()];
                    boolean inSupport = supports.entries(e.nodeKey(), r).contains(e.support());
                    out.append("<td").append(inSupport ? " class=\"s\"" : "").append(" style=\"background:")
                            .append(colour(max > 0 && Double.isFinite(v) ? v / max : 0)).append("\" title=\"")
                            .append(Html.escape(cell + " node " + e.node() + ", " + e.op() + " from " + e.input()
                                    + ", epoch " + (r < epochs.size() ? shown(epochs.get(r)) : r + 1) + ": |"
                                    + valueName + "| = " + String.format(Locale.ROOT, "%.4g", v)
                                    + (inSupport ? " (support)" : "")))
                            .append("\"></td>");
                }
                out.append("</tr>");
            }
            out.append("</tbody></table></div>\n");
        }
        return out.append("</div>\n").toString();
    }

    /** White to matplotlib blue (31, 119, 180) for fractions 0..1. */
    static String colour(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int r = (int) Math.round(255 + (31 - 255) * f);
        int g = (int) Math.round(255 + (119 - 255) * f);
        int b = (int) Math.round(255 + (180 - 255) * f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String shown(String epoch) {
        try {
            return Integer.toString(Integer.parseInt(epoch.trim()) + 1);
        } catch (NumberFormatException e) {
            return epoch;
        }
    }

    private static double parse(String cell) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
