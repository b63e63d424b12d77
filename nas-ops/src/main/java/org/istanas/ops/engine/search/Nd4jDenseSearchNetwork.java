package org.istanas.ops.engine.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.optim.StateIO;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.StepResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DARTS super-net on ND4J: every op of every edge is evaluated and an edge's ops are mixed by softmax(alpha_edge).
 * Alphas are one [edges, ops] {@link Param} per cell type, initialised to 1e-3 N(0, 1).
 */
public final class Nd4jDenseSearchNetwork implements DenseSearchNetwork {
    private static final String MAGIC = "istanas-dense-search-1";

    private final SearchNetworkSpec spec;
    private final SearchNetworkCore core;
    private final Param[] alphas = new Param[2];
    private final ParamGroup weights;
    private final ParamGroup architecture;
    private final int edges;
    private final int ops;

    public Nd4jDenseSearchNetwork(SearchNetworkSpec spec, DataType type) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        if (spec.auxiliaryWeight() != 0) {
            throw new IllegalArgumentException("two-stage search networks have no auxiliary head, but "
                    + "auxiliaryWeight is " + spec.auxiliaryWeight());
        }
        this.core = new SearchNetworkCore(spec, type, true);
        // all ops run: free each op's buffers right after its backward pass to bound peak memory
        core.cells().forEach(cell -> cell.setReleaseAfterBackward(true));
        this.ops = spec.operations().size();
        int e = 0;
        for (int j = 0; j < spec.nodes(); j++) {
            e += j + 2;
        }
        this.edges = e;
        for (CellType t : CellType.values()) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(spec.seed(), "alpha." + t));
            double[] values = new double[edges * ops];
            for (int i = 0; i < values.length; i++) {
                values[i] = 1e-3 * random.nextGaussian();
            }
            alphas[SearchNetworkCore.typeIndex(t)] = new Param("alpha." + t,
                    Nd4j.create(values, new long[] {edges, ops}, 'c').castTo(type));
        }
        this.weights = ParamGroup.of(core.weights());
        this.architecture = ParamGroup.of(List.of(alphas));
    }

    private static int firstEdge(int node) {
        int e = 0;
        for (int j = 0; j < node; j++) {
            e += j + 2;
        }
        return e;
    }

    @Override
    public ParameterGroup architecture() {
        return architecture;
    }

    @Override
    public double[][] alphas(CellType type) {
        return alphas[SearchNetworkCore.typeIndex(type)].value().castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    @Override
    public void setAlphas(CellType type, double[][] values) {
        if (values.length != edges) {
            throw new IllegalArgumentException("alphas of " + type + " need " + edges + " edges, got "
                    + values.length);
        }
        for (int e = 0; e < edges; e++) {
            if (values[e].length != ops) {
                throw new IllegalArgumentException("alphas of " + type + " edge " + e + " need " + ops
                        + " entries, got " + values[e].length);
            }
        }
        Param p = alphas[SearchNetworkCore.typeIndex(type)];
        p.value().assign(Nd4j.create(values).castTo(p.value().dataType()));
    }

    /** Softmax per edge; the mix of node j lists every candidate k (input k / ops, op k % ops). */
    private double[][][] probabilities() {
        double[][][] probs = new double[2][][];
        for (int t = 0; t < 2; t++) {
            probs[t] = EdgeSoftmax.of(alphas(CellType.values()[t]));
        }
        return probs;
    }

    private NodeMix[][] mixes(double[][][] probs) {
        NodeMix[][] mixes = new NodeMix[2][spec.nodes()];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                int n = spec.candidates(j);
                int[] candidates = new int[n];
                double[] w = new double[n];
                for (int k = 0; k < n; k++) {
                    candidates[k] = k;
                    w[k] = probs[t][firstEdge(j) + k / ops][k % ops];
                }
                mixes[t][j] = new NodeMix(candidates, w);
            }
        }
        return mixes;
    }

    @Override
    public StepResult trainStep(Batch batch) {
        double[][][] probs = probabilities();
        NodeMix[][] mixes = mixes(probs);
        double[][][] gradW = new double[2][spec.nodes()][];
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                gradW[t][j] = new double[spec.candidates(j)];
            }
        }
        StepResult result = core.trainStep(batch, mixes, gradW);
        for (int t = 0; t < 2; t++) {
            double[] g = new double[edges * ops];
            for (int j = 0; j < spec.nodes(); j++) {
                for (int i = 0; i < j + 2; i++) {
                    int e = firstEdge(j) + i;
                    double[] edge = EdgeSoftmax.backward(probs[t][e],
                            java.util.Arrays.copyOfRange(gradW[t][j], i * ops, (i + 1) * ops));
                    System.arraycopy(edge, 0, g, e * ops, ops);
                }
            }
            Param a = alphas[t];
            a.gradient().assign(Nd4j.create(g, new long[] {edges, ops}, 'c').castTo(a.value().dataType()));
            a.markGradient();
        }
        return result;
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return core.evaluate(batch, mixes(probabilities()));
    }

    @Override
    public float[][] logits(Batch batch) {
        return core.logits(batch, mixes(probabilities()));
    }

    @Override
    public ParameterGroup weights() {
        return weights;
    }

    @Override
    public long parameterCount() {
        return core.parameterCount();
    }

    public SearchNetworkCore core() {
        return core;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        NetworkState.writeWeights(out, core);
        for (Param a : alphas) {
            StateIO.write(out, a.value());
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        NetworkState.readWeights(in, core);
        for (Param a : alphas) {
            StateIO.read(in, a.value(), a.name());
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
