package org.istanas.api.genotype;

import java.util.Objects;

/**
 * Graphviz DOT rendering of both cells (one cluster each), in the style of the DARTS cell plots: inputs
 * {@code c_{k-2}}, {@code c_{k-1}}, intermediate nodes 2..n+1 (numbered as in genotype files), output {@code c_{k}}, edges labelled with the
 * operation. Render with {@code dot -Tpng cells.dot -o cells.png}.
 */
public final class GenotypeDot {
    private GenotypeDot() {
    }

    /** Both cells in one digraph. */
    public static String render(Genotype genotype) {
        Objects.requireNonNull(genotype, "genotype is null");
        StringBuilder out = new StringBuilder("digraph genotype {\n");
        header(out, "  ");
        for (CellType type : CellType.values()) {
            String cell = GenotypeValidator.cellName(type);
            out.append("  subgraph cluster_").append(cell).append(" {\n");
            out.append("    label=\"").append(cell).append(" cell\";\n");
            body(out, genotype, type, cell + "_", "    ");
            out.append("  }\n");
        }
        return out.append("}\n").toString();
    }

    /** One cell as its own digraph. */
    public static String render(Genotype genotype, CellType type) {
        Objects.requireNonNull(genotype, "genotype is null");
        Objects.requireNonNull(type, "type is null");
        StringBuilder out = new StringBuilder("digraph ").append(GenotypeValidator.cellName(type)).append(" {\n");
        header(out, "  ");
        body(out, genotype, type, "", "  ");
        return out.append("}\n").toString();
    }

    private static void header(StringBuilder out, String indent) {
        out.append(indent).append("rankdir=LR;\n");
        out.append(indent).append("node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        out.append(indent).append("edge [fontname=\"Helvetica\", fontsize=10];\n");
    }

    private static void body(StringBuilder out, Genotype genotype, CellType type, String prefix, String indent) {
        int steps = genotype.steps(type);
        node(out, indent, prefix + "in0", "c_{k-2}", "darkseagreen2");
        node(out, indent, prefix + "in1", "c_{k-1}", "darkseagreen2");
        for (int step = 0; step < steps; step++) {
            node(out, indent, prefix + "n" + step, String.valueOf(step + GenotypeValidator.CELL_INPUTS), "lightblue");
        }
        node(out, indent, prefix + "out", "c_{k}", "palegoldenrod");
        for (int step = 0; step < steps; step++) {
            for (GenotypeEdge edge : genotype.nodeInputs(type, step)) {
                out.append(indent).append(id(prefix, edge.input())).append(" -> ").append(prefix).append('n')
                        .append(step).append(" [label=\"").append(escape(edge.op())).append("\"];\n");
            }
        }
        for (int node : genotype.concat(type)) {
            out.append(indent).append(id(prefix, node)).append(" -> ").append(prefix).append("out")
                    .append(" [color=gray];\n");
        }
    }

    private static void node(StringBuilder out, String indent, String id, String label, String color) {
        out.append(indent).append(id).append(" [label=\"").append(label).append("\", fillcolor=").append(color)
                .append("];\n");
    }

    private static String id(String prefix, int node) {
        return node < GenotypeValidator.CELL_INPUTS ? prefix + "in" + node
                : prefix + "n" + (node - GenotypeValidator.CELL_INPUTS);
    }

    /** Operation names come from files; keep quotes and backslashes from ending the DOT string. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
