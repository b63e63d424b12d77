package org.istanas.api.genotype;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks genotypes; every message names the offending entry ({@code reduce[5]}, {@code normalConcat[2]}) so a
 * hand-edited genotype file can be fixed from the message alone.
 */
public final class GenotypeValidator {
    /** Cell inputs c_{k-2} and c_{k-1} are nodes 0 and 1; intermediate node {@code step} is node {@code step + 2}. */
    static final int CELL_INPUTS = 2;

    private GenotypeValidator() {
    }

    /** Structural checks done by the {@link Genotype} constructor; throws {@link IllegalArgumentException}. */
    static void checkStructure(List<GenotypeEdge> normal, List<Integer> normalConcat,
                               List<GenotypeEdge> reduce, List<Integer> reduceConcat) {
        checkCell("normal", normal, normalConcat);
        checkCell("reduce", reduce, reduceConcat);
    }

    /**
     * Checks that every operation of both cells is one of {@code knownOperations}.
     *
     * @throws IllegalArgumentException naming the first entry with an unknown operation and listing the known ones
     */
    public static void checkOperations(Genotype genotype, Collection<String> knownOperations) {
        Objects.requireNonNull(genotype, "genotype is null");
        Objects.requireNonNull(knownOperations, "knownOperations is null");
        Set<String> known = Set.copyOf(knownOperations);
        for (CellType type : CellType.values()) {
            List<GenotypeEdge> edges = genotype.edges(type);
            for (int i = 0; i < edges.size(); i++) {
                GenotypeEdge edge = edges.get(i);
                if (!known.contains(edge.op())) {
                    throw new IllegalArgumentException(entry(cellName(type), i, edge) + ": unknown operation '"
                            + edge.op() + "'; known: " + new TreeSet<>(known));
                }
            }
        }
    }

    static String cellName(CellType type) {
        return type == CellType.NORMAL ? "normal" : "reduce";
    }

    private static void checkCell(String cell, List<GenotypeEdge> edges, List<Integer> concat) {
        if (edges.isEmpty() || edges.size() % 2 != 0) {
            throw new IllegalArgumentException(cell + " has " + edges.size()
                    + " entries; expected 2 per intermediate node (an even count of at least 2)");
        }
        for (int i = 0; i < edges.size(); i++) {
            GenotypeEdge edge = edges.get(i);
            int node = CELL_INPUTS + i / 2;
            if (edge.op().isBlank()) {
                throw new IllegalArgumentException(entry(cell, i, edge) + ": operation name is empty");
            }
            if (edge.input() < 0 || edge.input() >= node) {
                throw new IllegalArgumentException(entry(cell, i, edge) + ": input " + edge.input()
                        + " is not earlier than its node " + node + " (node " + node + " takes inputs 0.."
                        + (node - 1) + ")");
            }
        }
        int nodes = CELL_INPUTS + edges.size() / 2;
        String concatName = cell + "Concat";
        if (concat.isEmpty()) {
            throw new IllegalArgumentException(concatName + " is empty; expected the nodes concatenated into the "
                    + "cell output, e.g. [2, 3, 4, 5]");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < concat.size(); i++) {
            Integer node = Objects.requireNonNull(concat.get(i), concatName + " holds null");
            if (node < 0 || node >= nodes) {
                throw new IllegalArgumentException(concatName + "[" + i + "] = " + node + " is out of range: "
                        + cell + " has nodes 0.." + (nodes - 1));
            }
            if (!seen.add(node)) {
                throw new IllegalArgumentException(concatName + "[" + i + "] = " + node + " repeats node " + node);
            }
        }
    }

    private static String entry(String cell, int index, GenotypeEdge edge) {
        return cell + "[" + index + "] = [\"" + edge.op() + "\", " + edge.input() + "]";
    }
}
