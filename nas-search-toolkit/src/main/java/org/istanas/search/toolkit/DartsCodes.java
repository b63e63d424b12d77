package org.istanas.search.toolkit;

import java.util.ArrayList;
import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.solver.Supports;
import org.istanas.api.space.Architecture;

/**
 * The codes of the {@code darts} space: a normal and a reduce cell, node j (cell node j + 2) with (j + 2) · ops
 * entries, the top-s |x| kept, listed (second largest, largest) as DARTS genotypes list a node's pair.
 */
public final class DartsCodes implements SpaceCodes {
    private final CodeLayout layout;
    private final int sparsity;

    public DartsCodes(List<CandidateOperation> operations, int nodes, int sparsity) {
        this(new CodeLayout(operations, nodes), sparsity);
    }

    /** @throws IllegalArgumentException when s exceeds the candidates of some node */
    public DartsCodes(CodeLayout layout, int sparsity) {
        this.layout = layout;
        this.sparsity = sparsity;
        int nodes = layout.nodes();
        for (int j = 0; j < nodes; j++) {
            if (sparsity > layout.candidates(j)) {
                throw new IllegalArgumentException("sparsity " + sparsity + " exceeds the " + layout.candidates(j)
                        + " candidates of node " + (j + 2));
            }
        }
    }

    public CodeLayout layout() {
        return layout;
    }

    @Override
    public List<CellType> types() {
        return List.of(CellType.values());
    }

    @Override
    public int nodes() {
        return layout.nodes();
    }

    @Override
    public int operationsPerEdge() {
        return layout.ops();
    }

    /** The configured m for every node, as the paper (m = 7 for n = 14..35). */
    @Override
    public int measurements(int node, int projDims) {
        return projDims;
    }

    @Override
    public int candidates(int node) {
        return layout.candidates(node);
    }

    @Override
    public int picks(int node) {
        return sparsity;
    }

    /** topS is in descending |x|; the genotype lists each node's pair as (second largest, largest). */
    @Override
    public int[] support(double[] code, int node) {
        int[] descending = Supports.topS(code, sparsity);
        int[] ordered = new int[descending.length];
        for (int i = 0; i < descending.length; i++) {
            ordered[i] = descending[descending.length - 1 - i];
        }
        return ordered;
    }

    @Override
    public Genotype architecture(int[][][] supports) {
        return layout.genotype(supports[CellType.NORMAL.ordinal()], supports[CellType.REDUCE.ordinal()]);
    }

    @Override
    public List<String> codeColumns() {
        return layout.codeColumns();
    }

    @Override
    public List<String> supportColumns() {
        return layout.supportColumns();
    }

    @Override
    public List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < layout.nodes(); j++) {
                names.add(CodeLayout.prefix(type) + " node " + (j + 2));
            }
        }
        return names;
    }

    @Override
    public String label(int[] support) {
        return layout.label(support);
    }

    @Override
    public String line(Architecture architecture) {
        return GenotypeLine.of((Genotype) architecture);
    }
}
