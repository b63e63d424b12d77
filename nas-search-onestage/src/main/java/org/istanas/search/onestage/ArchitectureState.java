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
import org.istanas.search.toolkit.CodeLayout;
import org.istanas.api.solver.Supports;

/**
 * The architecture side of Algorithm 2 without any network (paper digest 1.7 step 3, section 5 items 11-12): the
 * last accepted recovered code x of every node, its top-s support, and the per-node termination flags.
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
    private final CodeLayout layout;
    private final int sparsity;
    private final double epsilon;
    private final int types = CellType.values().length;
    /** Last accepted recovered code, full length (the solver's output, not truncated). */
    private final double[][][] codes;
    private final boolean[][] flagged;
    private final boolean[][] frozen;
    private final int terminationFromEpoch;

    /**
     * @param layout   code layout (ops and nodes per cell)
     * @param sparsity s, ops kept per node
     * @param epsilon  termination threshold on the L2 change of a node's code between epochs
     */
    public ArchitectureState(CodeLayout layout, int sparsity, double epsilon) {
        this(layout, sparsity, epsilon, 1);
    }

    /**
     * @param terminationFromEpoch first epoch (0-based) at whose end a node may be flagged: 0 as the official code
     *                             (it compares the code after the first training epoch with the initial one), 1
     *                             for "no flag in epoch 0"
     */
    public ArchitectureState(CodeLayout layout, int sparsity, double epsilon, int terminationFromEpoch) {
        this.layout = Objects.requireNonNull(layout, "layout is null");
        for (int j = 0; j < layout.nodes(); j++) {
            if (sparsity > layout.candidates(j)) {
                throw new IllegalArgumentException("sparsity " + sparsity + " exceeds the " + layout.candidates(j)
                        + " candidates of node " + (j + 2));
            }
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (terminationFromEpoch < 0) {
            throw new IllegalArgumentException("terminationFromEpoch must be >= 0, got " + terminationFromEpoch);
        }
        this.sparsity = sparsity;
        this.epsilon = epsilon;
        this.terminationFromEpoch = terminationFromEpoch;
        this.codes = new double[types][layout.nodes()][];
        this.flagged = new boolean[types][layout.nodes()];
        this.frozen = new boolean[types][layout.nodes()];
    }

    /** What one end-of-epoch update decided. */
    public record Update(boolean accepted, List<NodeRef> newlyFlagged, double[][] distances) {
        public Update {
            newlyFlagged = List.copyOf(newlyFlagged);
        }
    }

    /** Sets the initial codes (recovered from the initial b) of every node. */
    public void initialise(double[][][] recovered) {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < layout.nodes(); j++) {
                codes[type.ordinal()][j] = checkedCode(recovered, type, j).clone();
            }
        }
    }

    /**
     * End-of-epoch update. {@code recovered[type][node]} is the newly recovered code of every node not frozen
     * (entries of frozen nodes are ignored and may be null). No flag is raised before {@code terminationFromEpoch}.
     *
     * @param admissible decides whether the candidate architecture (frozen nodes' supports plus the new supports)
     *                   may be accepted, e.g. its parameter count is below the cap
     */
    public Update update(int epoch, double[][][] recovered, Predicate<Genotype> admissible) {
        Objects.requireNonNull(admissible, "admissible is null");
        double[][][] candidate = new double[types][layout.nodes()][];
        double[][] distances = new double[types][layout.nodes()];
        List<NodeRef> newlyFlagged = new ArrayList<>();
        for (CellType type : CellType.values()) {
            int t = type.ordinal();
            for (int j = 0; j < layout.nodes(); j++) {
                if (frozen[t][j]) {
                    candidate[t][j] = codes[t][j];
                    distances[t][j] = 0;
                    continue;
                }
                double[] x = checkedCode(recovered, type, j);
                candidate[t][j] = x.clone();
                distances[t][j] = distance(codes[t][j], x);
                if (epoch >= terminationFromEpoch && distances[t][j] <= epsilon && !flagged[t][j]) {
                    flagged[t][j] = true;
                    newlyFlagged.add(new NodeRef(type, j));
                }
            }
        }
        boolean accepted = admissible.test(genotypeOf(candidate));
        if (accepted) {
            for (int t = 0; t < types; t++) {
                for (int j = 0; j < layout.nodes(); j++) {
                    codes[t][j] = candidate[t][j];
                }
            }
        }
        return new Update(accepted, newlyFlagged, distances);
    }

    /** Freezes the flagged nodes not frozen yet and returns them (call at the start of an epoch). */
    public List<NodeRef> freezeFlagged() {
        List<NodeRef> newly = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < layout.nodes(); j++) {
                if (flagged[type.ordinal()][j] && !frozen[type.ordinal()][j]) {
                    frozen[type.ordinal()][j] = true;
                    newly.add(new NodeRef(type, j));
                }
            }
        }
        return List.copyOf(newly);
    }

    /** Flags every node still searching (the search-epoch cap was reached); returns them. */
    public List<NodeRef> flagAll() {
        List<NodeRef> newly = new ArrayList<>();
        for (NodeRef n : searching()) {
            flagged[n.type().ordinal()][n.node()] = true;
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
        return frozen[node.type().ordinal()][node.node()];
    }

    public boolean flagged(NodeRef node) {
        return flagged[node.type().ordinal()][node.node()];
    }

    /** Nodes whose termination flag is not raised, in (normal, reduce) x node order. */
    public List<NodeRef> searching() {
        List<NodeRef> nodes = new ArrayList<>();
        for (CellType type : CellType.values()) {
            for (int j = 0; j < layout.nodes(); j++) {
                if (!flagged[type.ordinal()][j]) {
                    nodes.add(new NodeRef(type, j));
                }
            }
        }
        return List.copyOf(nodes);
    }

    /** The last accepted code of a node (a copy). */
    public double[] code(NodeRef node) {
        return codes[node.type().ordinal()][node.node()].clone();
    }

    /** Its support as the genotype lists it: indices of the s largest |x|, second largest first. */
    public int[] support(NodeRef node) {
        return genotypeOrder(Supports.topS(codes[node.type().ordinal()][node.node()], sparsity));
    }

    /** The architecture of the accepted codes. */
    public Genotype genotype() {
        return genotypeOf(codes);
    }

    public CodeLayout layout() {
        return layout;
    }

    private Genotype genotypeOf(double[][][] x) {
        int[][][] chosen = new int[types][layout.nodes()][];
        for (int t = 0; t < types; t++) {
            for (int j = 0; j < layout.nodes(); j++) {
                chosen[t][j] = genotypeOrder(Supports.topS(x[t][j], sparsity));
            }
        }
        return layout.genotype(chosen[CellType.NORMAL.ordinal()], chosen[CellType.REDUCE.ordinal()]);
    }

    /** topS is in descending |x|; the genotype lists each node's pair as (second largest, ..., largest). */
    private static int[] genotypeOrder(int[] descending) {
        int[] ordered = new int[descending.length];
        for (int i = 0; i < descending.length; i++) {
            ordered[i] = descending[descending.length - 1 - i];
        }
        return ordered;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private double[] checkedCode(double[][][] recovered, CellType type, int j) {
        double[] x = recovered[type.ordinal()][j];
        if (x == null || x.length != layout.candidates(j)) {
            throw new IllegalArgumentException("code of " + new NodeRef(type, j).label() + " must have "
                    + layout.candidates(j) + " entries, got " + (x == null ? "none" : x.length));
        }
        return x;
    }

    void write(DataOutputStream out) throws IOException {
        for (int t = 0; t < types; t++) {
            for (int j = 0; j < layout.nodes(); j++) {
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
        for (int t = 0; t < types; t++) {
            for (int j = 0; j < layout.nodes(); j++) {
                int n = in.readInt();
                if (n != layout.candidates(j)) {
                    throw new IOException("checkpoint holds a code of length " + n + " for node " + (j + 2)
                            + ", the configuration needs " + layout.candidates(j));
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
