package org.istanas.search.onestage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.space.Architecture;
import org.istanas.search.toolkit.CodeLayout;
import org.istanas.search.toolkit.DartsCodes;
import org.istanas.search.toolkit.SpaceCodes;

/**
 * The architecture side of Algorithm 2 without any network (paper digest 1.7 step 3, section 5 items 11-12): the
 * last accepted recovered code x of every node, its support as the space's {@link SpaceCodes} keep it (the top-s
 * |x| in {@code darts} cells, the largest |x| of every edge on {@code nas-bench-201}), and the per-node termination
 * flags.
 *
 * <p>Life of a node: <em>searching</em> until, at the end of some epoch e &gt; 0, its newly recovered code lies
 * within {@code epsilon} (L2) of its last accepted code; then it is <em>flagged</em>. At the start of the next
 * epoch flagged nodes become <em>frozen</em> ({@link #freezeFlagged}: the caller stops their b and releases their
 * BN parameters) and are no longer recovered. The search ends after the first epoch that started with every node
 * frozen, i.e. one more epoch after the last flag, as the official code.
 *
 * <p>Candidate codes may be rejected as a whole (the parameter cap): then every node keeps its last accepted code,
 * but flags raised by the comparison with the rejected code stay raised, as in the official code.
 */
public final class ArchitectureState {
    private final SpaceCodes space;
    private final double epsilon;
    /** The cell types with codes, in index order (both DARTS types, or the one NAS-Bench-201 cell). */
    private final List<CellType> types;
    private final int nodes;
    /** Last accepted recovered code, full length (the solver's output, not truncated). */
    private final double[][][] codes;
    private final boolean[][] flagged;
    private final boolean[][] frozen;
    private final int terminationFromEpoch;

    /**
     * A state of {@code darts} cells.
     *
     * @param layout   code layout (ops and nodes per cell)
     * @param sparsity s, ops kept per node
     * @param epsilon  termination threshold on the L2 change of a node's code between epochs
     */
    public ArchitectureState(CodeLayout layout, int sparsity, double epsilon) {
        this(layout, sparsity, epsilon, 1);
    }

    /**
     * A state of {@code darts} cells.
     *
     * @param terminationFromEpoch first epoch (0-based) at whose end a node may be flagged: 0 as the official code
     *                             (it compares the code after the first training epoch with the initial one), 1
     *                             for "no flag in epoch 0"
     */
    public ArchitectureState(CodeLayout layout, int sparsity, double epsilon, int terminationFromEpoch) {
        this(new DartsCodes(layout, sparsity), epsilon, terminationFromEpoch);
    }

    /**
     * A state of any space.
     *
     * @param space                the space's code layout and support rule
     * @param epsilon              termination threshold on the L2 change of a node's code between epochs
     * @param terminationFromEpoch first epoch (0-based) at whose end a node may be flagged
     */
    public ArchitectureState(SpaceCodes space, double epsilon, int terminationFromEpoch) {
        this.space = Objects.requireNonNull(space, "space is null");
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (terminationFromEpoch < 0) {
            throw new IllegalArgumentException("terminationFromEpoch must be >= 0, got " + terminationFromEpoch);
        }
        this.epsilon = epsilon;
        this.terminationFromEpoch = terminationFromEpoch;
        this.types = space.types();
        this.nodes = space.nodes();
        this.codes = new double[types.size()][nodes][];
        this.flagged = new boolean[types.size()][nodes];
        this.frozen = new boolean[types.size()][nodes];
    }

    /** What one end-of-epoch update decided. */
    public record Update(boolean accepted, List<NodeRef> newlyFlagged, double[][] distances) {
        public Update {
            newlyFlagged = List.copyOf(newlyFlagged);
        }
    }

    /** Sets the initial codes (recovered from the initial b) of every node. */
    public void initialise(double[][][] recovered) {
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                codes[t][j] = checkedCode(recovered, t, j).clone();
            }
        }
    }

    /** {@link #updateArchitecture} of a {@code darts} state, whose architectures are genotypes. */
    public Update update(int epoch, double[][][] recovered, Predicate<Genotype> admissible) {
        Objects.requireNonNull(admissible, "admissible is null");
        return updateArchitecture(epoch, recovered, architecture -> admissible.test((Genotype) architecture));
    }

    /**
     * End-of-epoch update. {@code recovered[type index][node]} is the newly recovered code of every node not frozen
     * (entries of frozen nodes are ignored and may be null). No flag is raised before {@code terminationFromEpoch}.
     *
     * @param admissible decides whether the candidate architecture (frozen nodes' supports plus the new supports)
     *                   may be accepted, e.g. its parameter count is below the cap
     */
    public Update updateArchitecture(int epoch, double[][][] recovered, Predicate<Architecture> admissible) {
        Objects.requireNonNull(admissible, "admissible is null");
        double[][][] candidate = new double[types.size()][nodes][];
        double[][] distances = new double[types.size()][nodes];
        List<NodeRef> newlyFlagged = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                if (frozen[t][j]) {
                    candidate[t][j] = codes[t][j];
                    distances[t][j] = 0;
                    continue;
                }
                double[] x = checkedCode(recovered, t, j);
                candidate[t][j] = x.clone();
                distances[t][j] = distance(codes[t][j], x);
                if (epoch >= terminationFromEpoch && distances[t][j] <= epsilon && !flagged[t][j]) {
                    flagged[t][j] = true;
                    newlyFlagged.add(new NodeRef(types.get(t), j));
                }
            }
        }
        boolean accepted = admissible.test(architectureOf(candidate));
        if (accepted) {
            for (int t = 0; t < types.size(); t++) {
                for (int j = 0; j < nodes; j++) {
                    codes[t][j] = candidate[t][j];
                }
            }
        }
        return new Update(accepted, newlyFlagged, distances);
    }

    /** Freezes the flagged nodes not frozen yet and returns them (call at the start of an epoch). */
    public List<NodeRef> freezeFlagged() {
        List<NodeRef> newly = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                if (flagged[t][j] && !frozen[t][j]) {
                    frozen[t][j] = true;
                    newly.add(new NodeRef(types.get(t), j));
                }
            }
        }
        return List.copyOf(newly);
    }

    /** Flags every node still searching (the search-epoch cap was reached); returns them. */
    public List<NodeRef> flagAll() {
        List<NodeRef> newly = new ArrayList<>();
        for (NodeRef n : searching()) {
            flagged[index(n)][n.node()] = true;
            newly.add(n);
        }
        return List.copyOf(newly);
    }

    public boolean allFrozen() {
        for (boolean[] row : frozen) {
            for (boolean f : row) {
                if (!f) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean frozen(NodeRef node) {
        return frozen[index(node)][node.node()];
    }

    public boolean flagged(NodeRef node) {
        return flagged[index(node)][node.node()];
    }

    /** Nodes whose termination flag is not raised, in (cell type, node) order. */
    public List<NodeRef> searching() {
        List<NodeRef> list = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                if (!flagged[t][j]) {
                    list.add(new NodeRef(types.get(t), j));
                }
            }
        }
        return List.copyOf(list);
    }

    /** Every node with a code, in (cell type, node) order. */
    public List<NodeRef> nodes() {
        List<NodeRef> list = new ArrayList<>();
        for (CellType type : types) {
            for (int j = 0; j < nodes; j++) {
                list.add(new NodeRef(type, j));
            }
        }
        return List.copyOf(list);
    }

    /**
     * How metrics.csv, progress lines and seeds name a node: its support column ({@code normal_n2} in darts cells,
     * {@code cell_n1} on nas-bench-201).
     */
    public String label(NodeRef node) {
        return space.supportColumns().get(index(node) * nodes + node.node());
    }

    /** The last accepted code of a node (a copy). */
    public double[] code(NodeRef node) {
        return codes[index(node)][node.node()].clone();
    }

    /** Its support as the architecture lists it (darts: the s largest |x|, second largest first). */
    public int[] support(NodeRef node) {
        return space.support(codes[index(node)][node.node()], node.node());
    }

    /** The architecture of the accepted codes. */
    public Architecture architecture() {
        return architectureOf(codes);
    }

    /**
     * The architecture of the accepted codes of a {@code darts} state.
     *
     * @throws IllegalStateException when the state is of another space
     */
    public Genotype genotype() {
        if (architecture() instanceof Genotype genotype) {
            return genotype;
        }
        throw new IllegalStateException("the state holds " + architecture().space() + " codes, not darts cells");
    }

    /** The space's code layout. */
    public SpaceCodes space() {
        return space;
    }

    private int index(NodeRef node) {
        int t = types.indexOf(node.type());
        if (t < 0 || node.node() >= nodes) {
            throw new IllegalArgumentException("no node " + node + " in this space (cell types " + types + ", "
                    + nodes + " nodes)");
        }
        return t;
    }

    private Architecture architectureOf(double[][][] x) {
        int[][][] chosen = new int[types.size()][nodes][];
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                chosen[t][j] = space.support(x[t][j], j);
            }
        }
        return space.architecture(chosen);
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private double[] checkedCode(double[][][] recovered, int t, int j) {
        double[] x = recovered[t][j];
        if (x == null || x.length != space.candidates(j)) {
            throw new IllegalArgumentException("code of " + label(new NodeRef(types.get(t), j)) + " must have "
                    + space.candidates(j) + " entries, got " + (x == null ? "none" : x.length));
        }
        return x;
    }

    void write(DataOutputStream out) throws IOException {
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                out.writeInt(codes[t][j].length);
                for (double v : codes[t][j]) {
                    out.writeDouble(v);
                }
                out.writeBoolean(flagged[t][j]);
                out.writeBoolean(frozen[t][j]);
            }
        }
    }

    void read(DataInputStream in) throws IOException {
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < nodes; j++) {
                int n = in.readInt();
                if (n != space.candidates(j)) {
                    throw new IOException("checkpoint holds a code of length " + n + " for "
                            + space.nodeNames().get(t * nodes + j) + ", the configuration needs "
                            + space.candidates(j));
                }
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = in.readDouble();
                }
                codes[t][j] = x;
                flagged[t][j] = in.readBoolean();
                frozen[t][j] = in.readBoolean();
            }
        }
    }
}
