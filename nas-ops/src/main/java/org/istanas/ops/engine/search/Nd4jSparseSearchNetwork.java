package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.run.Seeds;
import org.istanas.api.run.StateStreams;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.optim.StateIO;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.StepResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ISTA-NAS two-stage super-net on ND4J. Each node of a cell type has b_j (a {@link Param} of length m, shared by
 * all cells of the type; created at 1e-3 N(0, 1) from the network seed when its A is first set) and a
 * {@link SparseNodeCode}; only the support's (input, op) pairs are evaluated. Every op's weights exist from the
 * start and are kept across support changes (their SGD momentum is frozen while they are inactive).
 */
public final class Nd4jSparseSearchNetwork implements SparseSearchNetwork {
    private static final String MAGIC = "istanas-sparse-search-1";

    private final SearchNetworkCore core;
    private final SearchNetworkSpec spec;
    private final SparseNodeCode[][] codes;
    private final Param[][] codeParams;
    private final ParamGroup weights;
    private final ParamGroup architecture;

    public Nd4jSparseSearchNetwork(SearchNetworkSpec spec, DataType type) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        if (spec.auxiliaryWeight() != 0) {
            throw new IllegalArgumentException("two-stage search networks have no auxiliary head, but "
                    + "auxiliaryWeight is " + spec.auxiliaryWeight());
        }
        this.core = new SearchNetworkCore(spec, type, true);
        this.codes = new SparseNodeCode[2][spec.nodes()];
        this.codeParams = new Param[2][spec.nodes()];
        this.weights = ParamGroup.of(core.weights());
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

    private int checkNode(int node) {
        if (node < 0 || node >= spec.nodes()) {
            throw new IllegalArgumentException("node must be in 0.." + (spec.nodes() - 1) + ", got " + node);
        }
        return node;
    }

    @Override
    public ParameterGroup architecture() {
        return architecture;
    }

    @Override
    public double[] compressedCode(CellType type, int node) {
        Param b = codeParams[SearchNetworkCore.typeIndex(type)][checkNode(node)];
        if (b == null) {
            throw new IllegalStateException("b of " + type + " node " + node + " is not set yet; call setSupport");
        }
        return b.value().castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Override
    public void setCompressedCode(CellType type, int node, double[] b) {
        Objects.requireNonNull(b, "b is null");
        int t = SearchNetworkCore.typeIndex(type);
        checkNode(node);
        SparseNodeCode code = codes[t][node];
        if (code != null && code.m() != b.length) {
            throw new IllegalArgumentException("b of " + type + " node " + node + " must have length m = "
                    + code.m() + ", got " + b.length);
        }
        Param p = codeParams[t][node];
        if (p == null || p.size() != b.length) {
            p = new Param("b." + type + "." + node, Nd4j.createFromArray(b).castTo(core.dataType()));
            codeParams[t][node] = p;
        } else {
            p.value().assign(Nd4j.createFromArray(b).castTo(core.dataType()));
        }
    }

    @Override
    public void setSupport(CellType type, int node, double[][] a, int[] support, double[] x) {
        int t = SearchNetworkCore.typeIndex(type);
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

    private SparseNodeCode code(int t, int node) {
        SparseNodeCode code = codes[t][node];
        if (code == null) {
            throw new IllegalStateException("support of " + CellType.values()[t] + " node " + node
                    + " is not set; call setSupport first");
        }
        return code;
    }

    @Override
    public double[] nodeWeights(CellType type, int node) {
        int t = SearchNetworkCore.typeIndex(type);
        SparseNodeCode code = code(t, checkNode(node));
        double[] zs = code.weights(compressedCode(type, node));
        double[] z = new double[spec.candidates(node)];
        int[] support = code.support();
        for (int i = 0; i < support.length; i++) {
            z[support[i]] = zs[i];
        }
        return z;
    }

    private NodeMix[][] mixes() {
        NodeMix[][] mixes = new NodeMix[2][spec.nodes()];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = code(t, j);
                mixes[t][j] = new NodeMix(code.support(), code.weights(compressedCode(CellType.values()[t], j)));
            }
        }
        return mixes;
    }

    @Override
    public StepResult trainStep(Batch batch) {
        NodeMix[][] mixes = mixes();
        double[][][] gradZ = new double[2][spec.nodes()][];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                gradZ[t][j] = new double[mixes[t][j].size()];
            }
        }
        StepResult result = core.trainStep(batch, mixes, gradZ);
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                Param b = codeParams[t][j];
                double[] g = codes[t][j].gradientOfB(gradZ[t][j]);
                b.gradient().assign(Nd4j.createFromArray(g).castTo(b.value().dataType()));
                b.markGradient();
            }
        }
        return result;
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return core.evaluate(batch, mixes());
    }

    @Override
    public float[][] logits(Batch batch) {
        return core.logits(batch, mixes());
    }

    @Override
    public int[][] computedOperations() {
        return core.computedOperations();
    }

    @Override
    public ParameterGroup weights() {
        return weights;
    }

    @Override
    public long parameterCount() {
        return core.parameterCount();
    }

    /** The shared super-net body (cells, op instances), for engine-internal use and tests. */
    public SearchNetworkCore core() {
        return core;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        NetworkState.writeWeights(out, core);
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes[t][j];
                out.writeBoolean(code != null);
                if (code != null) {
                    double[][] a = code.a();
                    out.writeInt(a.length);
                    for (double[] row : a) {
                        StateStreams.writeDoubles(out, row);
                    }
                    int[] support = code.support();
                    out.writeInt(support.length);
                    for (int k : support) {
                        out.writeInt(k);
                    }
                    StateStreams.writeDoubles(out, code.x());
                }
                out.writeBoolean(codeParams[t][j] != null);
                if (codeParams[t][j] != null) {
                    StateIO.write(out, codeParams[t][j].value());
                }
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        NetworkState.readWeights(in, core);
        for (int t = 0; t < 2; t++) {
            CellType type = CellType.values()[t];
            for (int j = 0; j < spec.nodes(); j++) {
                if (in.readBoolean()) {
                    int rows = in.readInt();
                    double[][] a = new double[rows][];
                    for (int r = 0; r < rows; r++) {
                        a[r] = StateStreams.readDoubles(in);
                    }
                    int[] support = new int[in.readInt()];
                    for (int i = 0; i < support.length; i++) {
                        support[i] = in.readInt();
                    }
                    double[] x = StateStreams.readDoubles(in);
                    codes[t][j] = new SparseNodeCode(a, support, x, spec.candidates(j),
                            "state of " + type + " node " + j);
                } else {
                    codes[t][j] = null;
                }
                if (in.readBoolean()) {
                    double[] b = StateIO.readValues(in);
                    if (codes[t][j] != null && codes[t][j].m() != b.length) {
                        throw new IOException("state of b of " + type + " node " + j + " has length " + b.length
                                + ", A has " + codes[t][j].m() + " rows");
                    }
                    setCompressedCode(type, j, b);
                } else {
                    codeParams[t][j] = null;
                }
            }
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
