package org.istanas.report.arch;

import java.util.List;
import org.istanas.report.html.Html;
import org.istanas.report.run.Supports;

/**
 * The support of every node per epoch as a table (nodes as rows, epochs as columns), with the cells where the
 * support changed from the epoch before highlighted, and the number of changes per epoch in the last row: how
 * quickly the search settled.
 */
public final class SupportTable {
    private SupportTable() {
    }

    public static String html(Supports supports, List<String> epochs) {
        if (supports.isEmpty() || epochs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<table><thead><tr><th>node</th>");
        for (String e : epochs) {
            out.append("<th>").append(Html.escape(e)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        int[] changes = new int[epochs.size()];
        for (String node : supports.nodes()) {
            out.append("<tr><th>").append(Html.escape(node.replace("_n", " node "))).append("</th>");
            for (int r = 0; r < epochs.size(); r++) {
                List<String> now = supports.entries(node, r);
                boolean changed = r > 0 && !sameSet(now, supports.entries(node, r - 1));
                if (changed) {
                    changes[r]++;
                }
                out.append("<td").append(changed ? " class=\"changed\"" : "").append(">")
                        .append(Html.escape(String.join(" + ", now))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("<tr><th>nodes changed</th>");
        for (int r = 0; r < epochs.size(); r++) {
            out.append("<td>").append(r == 0 ? "" : Integer.toString(changes[r])).append("</td>");
        }
        return out.append("</tr></tbody></table>\n").toString();
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }
}
