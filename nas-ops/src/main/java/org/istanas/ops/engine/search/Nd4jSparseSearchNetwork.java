package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
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
    private final NodeCodes codes;
    private final ParamGroup weights;

    public Nd4jSparseSearchNetwork(SearchNetworkSpec spec, DataType type) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        if (spec.auxiliaryWeight() != 0) {
            throw new IllegalArgumentException("two-stage search networks have no auxiliary head, but "
                    + "auxiliaryWeight is " + spec.auxiliaryWeight());
        }
        this.core = new SearchNetworkCore(spec, type, true);
        this.codes = new NodeCodes(spec, type);
        this.weights = ParamGroup.of(core.weights());
    }

    @Override
    public ParameterGroup architecture() {
        return codes.architecture();
    }

    @Override
    public double[] compressedCode(CellType type, int node) {
        return codes.compressedCode(type, node);
    }

    @Override
    public void setCompressedCode(CellType type, int node, double[] b) {
        codes.setCompressedCode(type, node, b);
    }

    @Override
    public void setSupport(CellType type, int node, double[][] a, int[] support, double[] x) {
        codes.setSupport(type, node, a, support, x);
    }

    @Override
    public double[] nodeWeights(CellType type, int node) {
        return codes.nodeWeights(type, node);
    }

    private NodeMix[][] mixes() {
        NodeMix[][] mixes = new NodeMix[2][spec.nodes()];
        for (int t = 0; t < 2; t++) {
            CellType type = CellType.values()[t];
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes.code(type, j);
                mixes[t][j] = new NodeMix(code.support(), code.weights(compressedCode(type, j)));
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
            CellType type = CellType.values()[t];
            for (int j = 0; j < spec.nodes(); j++) {
                Param b = codes.compressedCodeOrNull(type, j);
                double[] g = codes.code(type, j).gradientOfB(gradZ[t][j]);
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
        for (CellType type : CellType.values()) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes.codeOrNull(type, j);
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
                Param b = codes.compressedCodeOrNull(type, j);
                out.writeBoolean(b != null);
                if (b != null) {
                    StateIO.write(out, b.value());
                }
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        NetworkState.readWeights(in, core);
        for (CellType type : CellType.values()) {
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
                    codes.restoreCode(type, j, new SparseNodeCode(a, support, x, spec.candidates(j),
                            "state of " + type + " node " + j));
                } else {
                    codes.clearCode(type, j);
                }
                if (in.readBoolean()) {
                    double[] b = StateIO.readValues(in);
                    SparseNodeCode code = codes.codeOrNull(type, j);
                    if (code != null && code.m() != b.length) {
                        throw new IOException("state of b of " + type + " node " + j + " has length " + b.length
                                + ", A has " + code.m() + " rows");
                    }
                    setCompressedCode(type, j, b);
                } else {
                    codes.clearCompressedCode(type, j);
                }
            }
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
