package org.istanas.api.space.nb201;

/** Text and Graphviz DOT renderings of a {@link Nb201Cell}; {@code none} edges are drawn dashed (they carry nothing). */
public final class Nb201Rendering {
    private Nb201Rendering() {
    }

    /**
     * <pre>
     * nas-bench-201 cell (shared by every cell of the network): |nor_conv_3x3~0|+|...|
     *   node 1 = nor_conv_3x3(node 0)
     *   node 2 = nor_conv_3x3(node 0) + avg_pool_3x3(node 1)
     *   node 3 = skip_connect(node 0) + nor_conv_3x3(node 1) + skip_connect(node 2)   (output)
     * </pre>
     */
    public static String text(Nb201Cell cell) {
        StringBuilder out = new StringBuilder("nas-bench-201 cell (shared by every cell of the network): ")
                .append(cell.arch()).append('\n');
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            out.append("  node ").append(node).append(" = ");
            for (int source = 0; source < node; source++) {
                out.append(source == 0 ? "" : " + ").append(cell.op(Nb201Cell.edge(source, node)))
                        .append("(node ").append(source).append(')');
            }
            out.append(node == Nb201Cell.NODES - 1 ? "   (output)\n" : "\n");
        }
        return out.toString();
    }

    public static String dot(Nb201Cell cell) {
        StringBuilder out = new StringBuilder("digraph nb201 {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  label=\"").append(cell.arch()).append("\";\n");
        for (int node = 0; node < Nb201Cell.NODES; node++) {
            String color = node == 0 ? "darkseagreen2" : node == Nb201Cell.NODES - 1 ? "palegoldenrod" : "lightblue";
            String label = node == 0 ? "0 (input)" : node == Nb201Cell.NODES - 1 ? "3 (output)" : String.valueOf(node);
            out.append("  n").append(node).append(" [label=\"").append(label).append("\", fillcolor=")
                    .append(color).append("];\n");
        }
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            String op = cell.op(e);
            out.append("  n").append(Nb201Cell.source(e)).append(" -> n").append(Nb201Cell.target(e))
                    .append(" [label=\"").append(op).append('"')
                    .append(op.equals("none") ? ", style=dashed, color=gray" : "").append("];\n");
        }
        return out.append("}\n").toString();
    }
}
