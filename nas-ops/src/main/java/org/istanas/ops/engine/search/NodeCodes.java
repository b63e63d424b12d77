package org.istanas.ops.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The architecture state of a sparse super-net (two-stage and one-stage), per cell type and node: the sparse code
 * (A, support, x), the trainable compressed code b (length m, created at 1e-3 N(0, 1) from the network seed when
 * the node's A is first set), and, for the one-stage search, whether b is frozen and the node's batch norms
 * released. It knows nothing of cells and ops: the networks build their edges from it.
 */
public final class NodeCodes {
    private final SearchNetworkSpec spec;
    private final DataType dataType;
    private final SparseNodeCode[][] codes;
    private final Param[][] codeParams;
    private final boolean[][] frozen;
    private final boolean[][] released;
    private final ParamGroup architecture;

    public NodeCodes(SearchNetworkSpec spec, DataType dataType) {
        this.spec = spec;
        this.dataType = dataType;
        this.codes = new SparseNodeCode[2][spec.nodes()];
        this.codeParams = new Param[2][spec.nodes()];
        this.frozen = new boolean[2][spec.nodes()];
        this.released = new boolean[2][spec.nodes()];
        this.architecture = new ParamGroup(() -> {
            List<Param> list = new ArrayList<>();
            for (Param[] row : codeParams) {
                for (Param p : row) {
                    if (p != null) {
                        list.add(p);
                    }
                }
            }
            return list;
        });
    }

    public static int typeIndex(CellType type) {
        return Objects.requireNonNull(type, "type is null").ordinal();
    }

    public int checkNode(int node) {
        if (node < 0 || node >= spec.nodes()) {
            throw new IllegalArgumentException("node must be in 0.." + (spec.nodes() - 1) + ", got " + node);
        }
        return node;
    }

    public ParamGroup architecture() {
        return architecture;
    }

    public double[] compressedCode(CellType type, int node) {
        Param b = codeParams[typeIndex(type)][checkNode(node)];
        if (b == null) {
            throw new IllegalStateException("b of " + type + " node " + node + " is not set yet; call setSupport");
        }
        return b.value().castTo(DataType.DOUBLE).toDoubleVector();
    }

    public void setCompressedCode(CellType type, int node, double[] b) {
        Objects.requireNonNull(b, "b is null");
        int t = typeIndex(type);
        checkNode(node);
        SparseNodeCode code = codes[t][node];
        if (code != null && code.m() != b.length) {
            throw new IllegalArgumentException("b of " + type + " node " + node + " must have length m = " + code.m()
                    + ", got " + b.length);
        }
        Param p = codeParams[t][node];
        INDArray value = Nd4j.createFromArray(b).castTo(dataType);
        if (p == null || p.size() != b.length) {
            p = new Param("b." + type + "." + node, value);
            p.setTrainable(!frozen[t][node]);
            codeParams[t][node] = p;
        } else {
            p.value().assign(value);
        }
    }

    /** Sets A, the support and x; b, when the node has none yet, starts at 1e-3 N(0, 1) from the seed. */
    public void setSupport(CellType type, int node, double[][] a, int[] support, double[] x) {
        int t = typeIndex(type);
        checkNode(node);
        SparseNodeCode code = new SparseNodeCode(a, support, x, spec.candidates(node),
                "setSupport(" + type + ", node " + node + ")");
        Param p = codeParams[t][node];
        if (p != null && p.size() != code.m()) {
            throw new IllegalArgumentException("A of " + type + " node " + node + " has " + code.m()
                    + " rows but b has length " + p.size());
        }
        codes[t][node] = code;
        if (p == null) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(spec.seed(), "b." + type + "." + node));
            double[] b = new double[code.m()];
            for (int i = 0; i < b.length; i++) {
                b[i] = 1e-3 * random.nextGaussian();
            }
            setCompressedCode(type, node, b);
        }
    }

    /** Forgets the node's code, so that b may take another length (a state read with another m). */
    public void clearCode(CellType type, int node) {
        codes[typeIndex(type)][checkNode(node)] = null;
    }

    /** Puts back a code read from a checkpoint, b left as it is. */
    public void restoreCode(CellType type, int node, SparseNodeCode code) {
        codes[typeIndex(type)][checkNode(node)] = Objects.requireNonNull(code, "code is null");
    }

    /** Forgets the node's b (a checkpoint taken before it was set). */
    public void clearCompressedCode(CellType type, int node) {
        codeParams[typeIndex(type)][checkNode(node)] = null;
    }

    /** The node's code, or null before its first {@link #setSupport}. */
    public SparseNodeCode codeOrNull(CellType type, int node) {
        return codes[typeIndex(type)][checkNode(node)];
    }

    /** The node's b, or null before its first {@link #setSupport} or {@link #setCompressedCode}. */
    public Param compressedCodeOrNull(CellType type, int node) {
        return codeParams[typeIndex(type)][checkNode(node)];
    }

    public SparseNodeCode code(CellType type, int node) {
        SparseNodeCode code = codeOrNull(type, node);
        if (code == null) {
            throw new IllegalStateException("support of " + type + " node " + node
                    + " is not set; call setSupport first");
        }
        return code;
    }

    /** z over all candidates of the node: the support's weights, 0 elsewhere. */
    public double[] nodeWeights(CellType type, int node) {
        SparseNodeCode code = code(type, checkNode(node));
        double[] zs = code.weights(compressedCode(type, node));
        double[] z = new double[spec.candidates(node)];
        int[] support = code.support();
        for (int i = 0; i < support.length; i++) {
            z[support[i]] = zs[i];
        }
        return z;
    }

    public void freeze(CellType type, int node) {
        int t = typeIndex(type);
        frozen[t][checkNode(node)] = true;
        if (codeParams[t][node] != null) {
            codeParams[t][node].setTrainable(false);
        }
    }

    public boolean frozen(CellType type, int node) {
        return frozen[typeIndex(type)][checkNode(node)];
    }

    public void markReleased(CellType type, int node) {
        released[typeIndex(type)][checkNode(node)] = true;
    }

    public boolean released(CellType type, int node) {
        return released[typeIndex(type)][checkNode(node)];
    }
}
