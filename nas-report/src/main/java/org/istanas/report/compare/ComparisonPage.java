package org.istanas.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.istanas.metrics.plot.ChartFiles;
import org.istanas.report.chart.LineChart;
import org.istanas.report.html.Html;
import org.istanas.report.run.RunData;

/**
 * The HTML of a comparison: the table (each run linked to its own report.html when it has one) and the overlaid
 * curves inline as SVG; the curves are also written as PNG and SVG files for papers.
 */
public final class ComparisonPage {
    static final int WIDTH = 720;
    static final int HEIGHT = 420;

    private ComparisonPage() {
    }

    /** The table and charts as HTML for a page in {@code pageFolder}; charts go to {@code plots/<prefix><id>}. */
    public static String html(Comparison comparison, Path pageFolder, Path plots, String prefix) throws IOException {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        Comparison.HEADER.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        List<List<String>> cells = comparison.cells();
        for (int i = 0; i < cells.size(); i++) {
            out.append("<tr>");
            RunData run = comparison.runs().get(i);
            Path report = run.root().resolve("report.html");
            for (int c = 0; c < cells.get(i).size(); c++) {
                String text = Html.escape(cells.get(i).get(c));
                if (c == 0 && Files.isRegularFile(report)) {
                    text = "<a href=\"" + Html.escape(link(pageFolder, report)) + "\">" + text + "</a>";
                }
                out.append(c == Comparison.HEADER.size() - 1 ? "<td style=\"font-size:11px\">" : "<td>").append(text)
                        .append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>\n")
                .append(Html.note("Accuracies in %; time is the wall-clock time of all epochs; search cost = time x "
                        + "processors recorded in provenance.json."));
        Map<String, LineChart> charts = comparison.overlaidCharts();
        if (!charts.isEmpty()) {
            out.append("<div class=\"charts\">\n");
            for (Map.Entry<String, LineChart> e : charts.entrySet()) {
                var chart = e.getValue().chart();
                String id = prefix + e.getKey();
                ChartFiles.write(plots.resolve(id), chart, WIDTH, HEIGHT);
                out.append("<div class=\"chart\" id=\"overlay-").append(e.getKey()).append("\">")
                        .append(ChartFiles.svg(chart, WIDTH, HEIGHT, "chart-" + id))
                        .append("<div class=\"files\">").append(Html.escape(link(pageFolder, plots.resolve(id))))
                        .append(".png, .svg</div></div>\n");
            }
            out.append("</div>\n");
        }
        return out.toString();
    }

    /** A relative link from a page's folder (URL separators). */
    static String link(Path pageFolder, Path target) {
        Path from = pageFolder.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        try {
            return from.relativize(to).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return to.toUri().toString();
        }
    }
}
