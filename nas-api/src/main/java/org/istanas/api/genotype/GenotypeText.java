package org.istanas.api.genotype;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Plain-text rendering of both cells, one intermediate node per line:
 * <pre>
 * normal cell: 4 nodes, output = concat(2, 3, 4, 5)
 *   node 2 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(c_{k-1})
 *   node 3 = sep_conv_3x3(c_{k-2}) + sep_conv_3x3(node 2)
 * </pre>
 */
public final class GenotypeText {
    private GenotypeText() {
    }

    public static String render(Genotype genotype) {
        Objects.requireNonNull(genotype, "genotype is null");
        return render(genotype, CellType.NORMAL) + "\n" + render(genotype, CellType.REDUCE);
    }

    public static String render(Genotype genotype, CellType type) {
        Objects.requireNonNull(genotype, "genotype is null");
        Objects.requireNonNull(type, "type is null");
        StringBuilder out = new StringBuilder();
        List<Integer> concat = genotype.concat(type);
        out.append(GenotypeValidator.cellName(type)).append(" cell: ").append(genotype.steps(type))
                .append(" nodes, output = concat(")
                .append(concat.stream().map(GenotypeText::nodeName).collect(Collectors.joining(", ")))
                .append(")\n");
        for (int step = 0; step < genotype.steps(type); step++) {
            out.append("  node ").append(step + GenotypeValidator.CELL_INPUTS).append(" = ");
            out.append(genotype.nodeInputs(type, step).stream()
                    .map(edge -> edge.op() + "(" + nodeName(edge.input()) + ")")
                    .collect(Collectors.joining(" + ")));
            out.append('\n');
        }
        return out.toString();
    }

    /** c_{k-2}, c_{k-1} for the cell inputs, "node i" for intermediate nodes. */
    static String nodeName(int node) {
        return switch (node) {
            case 0 -> "c_{k-2}";
            case 1 -> "c_{k-1}";
            default -> "node " + node;
        };
    }
}
