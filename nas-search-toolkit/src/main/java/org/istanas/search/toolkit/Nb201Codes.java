package org.istanas.search.toolkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Support;

/**
 * The codes of the {@code nas-bench-201} space (docs/spaces.md): one cell shared by all cells of the network, nodes
 * 1..3 with one code each over their (source, op) pairs, and on every incoming edge the entry of largest |x| kept,
 * so node j keeps j entries and the cell comes straight from the supports (DARTS keeps the largest softmax weight
 * per edge the same way, {@code none} included). Codes.csv columns are
 * {@code cell_n<j>_in<i>_<op>}, support columns {@code cell_n<j>}.
 */
public final class Nb201Codes implements SpaceCodes {
    public static final int NODES = Nb201Cell.NODES - 1;
    private final List<String> ops;

    /** The ISTA-NAS layout: {@code none} is refused (one op is computed on every edge). */
    public Nb201Codes(List<CandidateOperation> operations) {
        this(operations, false);
    }

    /**
     * @param noneAllowed whether {@code none} may be a candidate (DARTS on nas-bench-201 mixes it in and may pick
     *                    it, as the official NB201 DARTS)
     */
    public Nb201Codes(List<CandidateOperation> operations, boolean noneAllowed) {
        this.ops = operations.stream().map(CandidateOperation::name).toList();
        if (!noneAllowed && ops.contains("none")) {
            throw new IllegalArgumentException("'none' is not a candidate of ISTA-NAS on nas-bench-201 (one op on "
                    + "every edge, docs/spaces.md); give the operations without it, e.g. --operations "
                    + String.join(",", ops.stream().filter(o -> !o.equals("none")).toList()));
        }
    }

    /**
     * The operations an ISTA-NAS search of {@code space} runs when the user names none: on nas-bench-201 the space's
     * without {@code none} (one op is computed on every edge), elsewhere the space's own.
     */
    public static List<String> defaultOperations(SearchSpace space) {
        return space.name().equals(Nb201Cell.SPACE)
                ? space.operations().stream().filter(op -> !op.equals("none")).toList() : space.operations();
    }

    public List<String> operations() {
        return ops;
    }

    @Override
    public List<CellType> types() {
        return List.of(CellType.NORMAL);
    }

    @Override
    public int nodes() {
        return NODES;
    }

    @Override
    public int operationsPerEdge() {
        return ops.size();
    }

    /** m_j = n_j / 2 (docs/spaces.md); projDims does not apply. */
    @Override
    public int measurements(int node, int projDims) {
        return Math.max(1, candidates(node) / 2);
    }

    @Override
    public int candidates(int node) {
        return (node + 1) * ops.size();
    }

    @Override
    public int picks(int node) {
        return node + 1;
    }

    @Override
    public int[] support(double[] code, int node) {
        return Nb201Support.perEdge(code, node, ops.size());
    }

    @Override
    public Nb201Cell architecture(int[][][] supports) {
        return Nb201Support.cell(Arrays.asList(supports[0]), ops);
    }

    @Override
    public List<String> codeColumns() {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < NODES; j++) {
            for (int k = 0; k < candidates(j); k++) {
                columns.add("cell_n" + (j + 1) + "_in" + k / ops.size() + "_" + ops.get(k % ops.size()));
            }
        }
        return List.copyOf(columns);
    }

    @Override
    public List<String> supportColumns() {
        return List.of("cell_n1", "cell_n2", "cell_n3");
    }

    @Override
    public List<String> nodeNames() {
        return List.of("cell node 1", "cell node 2", "cell node 3");
    }

    @Override
    public String label(int[] support) {
        List<String> parts = new ArrayList<>();
        for (int k : support) {
            parts.add(ops.get(k % ops.size()) + "@" + k / ops.size());
        }
        return String.join("+", parts);
    }

    @Override
    public String line(Architecture architecture) {
        return ((Nb201Cell) architecture).arch();
    }
}
