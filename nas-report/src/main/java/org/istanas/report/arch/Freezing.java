package org.istanas.report.arch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.istanas.report.html.Html;
import org.istanas.report.run.Table;

/**
 * When each node of a one-stage search froze: metrics.csv's {@code searching_nodes} column lists, after each epoch,
 * the nodes still searching ({@code normal_n2+reduce_n4}, or {@code -} when none is). A node froze at the first
 * epoch after which it is no longer listed; nodes never listed froze before the first epoch was recorded.
 */
public final class Freezing {
    public static final String COLUMN = "searching_nodes";
    private static final Pattern NODE = Pattern.compile("(normal|reduce)_n\\d+");

    private Freezing() {
    }

    /** Node label to the 1-based epoch after which it froze; nodes still searching map to 0. */
    public static Map<String, Integer> frozenAfter(Table metrics) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!metrics.has(COLUMN)) {
            return out;
        }
        List<String> rows = metrics.text(COLUMN);
        List<String> epochs = metrics.has("epoch") ? metrics.text("epoch") : List.of();
        for (String column : metrics.header()) {
            if (NODE.matcher(column).matches()) {
                out.put(column, 0);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Set<String> searching = Set.of(rows.get(r).trim().split("\\+"));
            int epoch = r < epochs.size() ? parse(epochs.get(r), r) + 1 : r + 1;
            for (Map.Entry<String, Integer> e : out.entrySet()) {
                if (e.getValue() == 0 && !searching.contains(e.getKey())) {
                    e.setValue(epoch);
                }
            }
        }
        return out;
    }

    /** A table of the freezing epochs, or empty text when the run does not record them. */
    public static String html(Table metrics) {
        Map<String, Integer> frozen = frozenAfter(metrics);
        if (frozen.isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        frozen.forEach((node, epoch) -> rows.add(List.of(node.replace("_n", " node "),
                epoch == 0 ? "still searching" : "after epoch " + epoch)));
        return "<h3>When each node froze (one-stage termination)</h3>"
                + Html.note("A node freezes (its b is fixed and its BN released) once its recovered code stops moving.")
                + Html.table(List.of("node", "frozen"), rows);
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
