package org.istanas.search.toolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;

/**
 * Layout of architecture codes (paper digest 1.2): intermediate node j (cell node j+2) has one entry per
 * (input node, op), entry k meaning input {@code k / ops} and op {@code k % ops}. Shared by two-stage (recovered
 * x) and DARTS (softmax weights), so both write the same codes.csv and support columns.
 */
public final class CodeLayout {
    private final List<String> ops;
    private final int nodes;

    public CodeLayout(List<CandidateOperation> operations, int nodes) {
        this.ops = operations.stream().map(CandidateOperation::name).toList();
        this.nodes = nodes;
    }

    public int nodes() {
        return nodes;
    }

    public int ops() {
        return ops.size();
    }

    /** Length of the code of intermediate node {@code node} (0-based). */
    public int candidates(int node) {
        return (node + 2) * ops.size();
    }

    public String op(int k) {
        return ops.get(k % ops.size());
    }

    public int input(int k) {
        return k / ops.size();
    }

    /** Column names of codes.csv: {@code normal_n2_in0_sep_conv_3x3}, ... for both cell types. */
    public List<String> codeColumns() {
        List<String> columns = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < nodes; j++) {
                for (int k = 0; k < candidates(j); k++) {
                    columns.add(prefix(type) + "_n" + (j + 2) + "_in" + input(k) + "_" + op(k));
                }
            }
        }
        return List.copyOf(columns);
    }

    /** Column names of the support of every node in metrics.csv: {@code normal_n2}, ... */
    public List<String> supportColumns() {
        List<String> columns = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < nodes; j++) {
                columns.add(prefix(type) + "_n" + (j + 2));
            }
        }
        return List.copyOf(columns);
    }

    /** A support as text without commas: {@code sep_conv_3x3@1+skip_connect@0}. */
    public String label(int[] orderedSupport) {
        return String.join("+", IntStream.of(orderedSupport).mapToObj(k -> op(k) + "@" + input(k)).toList());
    }

    /**
     * The genotype of per-node selections {@code chosen[type][node]} (indices into the node's code, in the order
     * the genotype lists them).
     */
    public Genotype genotype(int[][] normal, int[][] reduce) {
        List<Integer> concat = IntStream.range(2, nodes + 2).boxed().toList();
        return new Genotype(edges(normal), concat, edges(reduce), concat);
    }

    private List<GenotypeEdge> edges(int[][] chosen) {
        List<GenotypeEdge> edges = new ArrayList<>();
        for (int[] node : chosen) {
            for (int k : node) {
                edges.add(new GenotypeEdge(op(k), input(k)));
            }
        }
        return edges;
    }

    public static String prefix(CellType type) {
        return type == CellType.NORMAL ? "normal" : "reduce";
    }
}
