package org.istanas.ops.nb201;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.CellEvaluation;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.space.Architecture;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.StepResult;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.optim.StateIO;
import org.istanas.ops.engine.search.EdgeSoftmax;
import org.istanas.ops.engine.search.NodeMix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DARTS super-net of NAS-Bench-201 as the official NB201 DARTS runs it: every edge computes every operation and
 * mixes them by softmax(α_e) over all operations of the search, {@code none} included (its output is zero, so it is
 * not computed, but its α takes part in the softmax). α is [6 edges][ops] in the official edge order, shared by all
 * cells. The macro network, the operations and their weights are those of {@link Nd4jNb201SparseSearchNetwork},
 * which this class drives with full node mixes; dL/dα follows from dL/dw of every mixed entry through the softmax.
 */
public final class Nd4jNb201DenseSearchNetwork implements DenseSearchNetwork, CellEvaluation {
    private static final String MAGIC = "istanas-nb201-dense-search-1";
    private static final int NODES = Nd4jNb201SparseSearchNetwork.NODES;
    private final List<String> operations;
    private final Nd4jNb201SparseSearchNetwork core;
    /** The computed operations (all but none) in the core's order. */
    private final List<String> computed;
    /** Column of α of each computed operation (its position among all operations, none included). */
    private final int[] alphaColumn;
    private final Param alpha;
    private final ParamGroup architecture;

    public Nd4jNb201DenseSearchNetwork(SpaceSearchSpec spec, DataType type) {
        Objects.requireNonNull(spec, "spec is null");
        this.operations = spec.operations();
        this.computed = operations.stream().filter(op -> !op.equals("none")).toList();
        this.alphaColumn = computed.stream().mapToInt(operations::indexOf).toArray();
        if (computed.isEmpty()) {
            throw new IllegalArgumentException("a dense nas-bench-201 super-net needs an operation besides none");
        }
        this.core = new Nd4jNb201SparseSearchNetwork(new SpaceSearchSpec(spec.input(), spec.classes(), spec.channels(),
                spec.cellsPerStage(), computed, spec.seed()), type);
        this.alpha = new Param("alpha.nb201", Nd4j.zeros(type, Nb201Cell.EDGES, operations.size()));
        this.architecture = ParamGroup.of(List.of(alpha));
    }

    private static void checkType(CellType type) {
        if (type != CellType.NORMAL) {
            throw new IllegalArgumentException("a nas-bench-201 super-net has one cell type, NORMAL; got " + type);
        }
    }

    @Override
    public ParameterGroup architecture() {
        return architecture;
    }

    @Override
    public double[][] alphas(CellType type) {
        checkType(type);
        return alpha.value().castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    @Override
    public void setAlphas(CellType type, double[][] alphas) {
        checkType(type);
        if (alphas.length != Nb201Cell.EDGES) {
            throw new IllegalArgumentException("alphas of a nas-bench-201 cell need 6 edges, got " + alphas.length);
        }
        for (int e = 0; e < alphas.length; e++) {
            if (alphas[e].length != operations.size()) {
                throw new IllegalArgumentException("alphas of edge " + e + " need " + operations.size()
                        + " operations " + operations + ", got " + alphas[e].length);
            }
        }
        alpha.value().assign(Nd4j.createFromArray(alphas).castTo(alpha.value().dataType()));
    }

    /** Node j mixes, for each source i ≤ j and computed op c, the softmax weight of (edge i→j+1, op c). */
    private NodeMix[] mixes(double[][] p) {
        NodeMix[] mixes = new NodeMix[NODES];
        int ops = computed.size();
        for (int j = 0; j < NODES; j++) {
            int[] candidates = new int[(j + 1) * ops];
            double[] weights = new double[candidates.length];
            for (int k = 0; k < candidates.length; k++) {
                candidates[k] = k;
                weights[k] = p[Nb201Cell.edge(k / ops, j + 1)][alphaColumn[k % ops]];
            }
            mixes[j] = new NodeMix(candidates, weights);
        }
        return mixes;
    }

    @Override
    public StepResult trainStep(Batch batch) {
        double[][] p = EdgeSoftmax.of(alphas(CellType.NORMAL));
        double[][] gradW = new double[NODES][];
        StepResult result = core.trainStep(batch, mixes(p), gradW);
        // dL/dw of every (edge, op); none's is 0 (its output is zero)
        int ops = computed.size();
        double[][] g = new double[Nb201Cell.EDGES][operations.size()];
        for (int j = 0; j < NODES; j++) {
            for (int k = 0; k < gradW[j].length; k++) {
                g[Nb201Cell.edge(k / ops, j + 1)][alphaColumn[k % ops]] = gradW[j][k];
            }
        }
        double[][] gradAlpha = new double[Nb201Cell.EDGES][];
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            gradAlpha[e] = EdgeSoftmax.backward(p[e], g[e]);
        }
        alpha.gradient().assign(Nd4j.createFromArray(gradAlpha).castTo(alpha.value().dataType()));
        alpha.markGradient();
        return result;
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return core.evaluate(batch, mixes(EdgeSoftmax.of(alphas(CellType.NORMAL))));
    }

    @Override
    public float[][] logits(Batch batch) {
        return core.logits(batch, mixes(EdgeSoftmax.of(alphas(CellType.NORMAL))));
    }

    /** The cell alone with the shared weights ({@code none} edges left out, the others at weight 1). */
    @Override
    public StepResult evaluate(Batch batch, Architecture architecture, boolean batchStatistics) {
        return core.evaluate(batch, architecture, batchStatistics);
    }

    /** Evaluations per [cell][node] in the last forward pass: every computed op of every incoming edge. */
    public int[][] computedOperations() {
        return core.computedOperations();
    }

    @Override
    public ParameterGroup weights() {
        return core.weights();
    }

    @Override
    public long parameterCount() {
        return core.parameterCount();
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        core.writeState(out);
        StateIO.write(out, alpha.value());
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        core.readState(in);
        StateIO.read(in, alpha.value(), alpha.name());
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "nas-bench-201 dense super-net over " + new ArrayList<>(operations);
    }
}
