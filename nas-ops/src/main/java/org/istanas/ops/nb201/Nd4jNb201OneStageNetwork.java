package org.istanas.ops.nb201;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.StepResult;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.space.nb201.Nb201Support;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.LayerState;
import org.istanas.ops.engine.optim.StateIO;
import org.istanas.ops.engine.targetnet.OpLayers;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One-stage ISTA-NAS on NAS-Bench-201 (paper digest 1.7, docs/spaces.md) on ND4J: the sparse NB201 super-net (one
 * code per node shared by all 3N cells, one op per edge computed) at target-net settings, with every (edge, op)
 * instance ending in an affine BN, as the stand-alone network's one-stage layout ({@link Nb201Network} with
 * {@code oneStageBn}): {@code nor_conv_kxk} = ReLU → Conv → BN, {@code skip_connect} and {@code avg_pool_3x3} with
 * a BN appended. Those BNs are held at gamma = 1, beta = 0 (no gradient, optimizers skip them) until
 * {@link #releaseNode} lets the ones of the node's edges train in all cells; {@link #freezeNode} stops its b.
 * {@link #fold} multiplies each active op's z into its BN and returns the stand-alone network of the supports' cell.
 * One cell type, {@link CellType#NORMAL}; no drop-path and no label smoothing (the NB201 recipes have neither).
 */
public final class Nd4jNb201OneStageNetwork implements OneStageSearchNetwork {
    private static final String MAGIC = "istanas-nb201-one-stage-1";
    private static final int NODES = Nd4jNb201SparseSearchNetwork.NODES;

    private final Nd4jNb201SparseSearchNetwork net;
    private final boolean[] frozen = new boolean[NODES];
    private final boolean[] released = new boolean[NODES];

    public Nd4jNb201OneStageNetwork(SpaceSearchSpec spec, DataType type) {
        this.net = new Nd4jNb201SparseSearchNetwork(spec, type, Nd4jNb201OneStageNetwork::oneStageOperation);
        for (int j = 0; j < NODES; j++) {
            setAffineTrainable(j, false);
        }
    }

    /** The one-stage candidates: the stand-alone ops with a BN after the parameter-free ones; no {@code none}. */
    static Layer oneStageOperation(String op, int channels, LayerFactory factory) {
        if (op.equals("none")) {
            return Nb201SearchCell.searchOperation(op, channels, factory); // refuses it, saying why
        }
        return Nb201Operations.build(op, channels, true, factory);
    }

    private static void checkType(CellType type) {
        if (type != CellType.NORMAL) {
            throw new IllegalArgumentException("a nas-bench-201 super-net has one cell type, NORMAL; got " + type);
        }
    }

    private static int checkNode(int node) {
        if (node < 0 || node >= NODES) {
            throw new IllegalArgumentException("node must be in 0.." + (NODES - 1) + ", got " + node);
        }
        return node;
    }

    /** The sparse super-net behind this one (tests reach its cells and float64 logits). */
    Nd4jNb201SparseSearchNetwork net() {
        return net;
    }

    /** Sets the trainable flag of the BN affine parameters of every op on every edge into node j, in all cells. */
    private void setAffineTrainable(int node, boolean trainable) {
        int ops = net.spec().operations().size();
        for (Nb201SearchCell cell : net.cells()) {
            for (int source = 0; source <= node; source++) {
                for (int o = 0; o < ops; o++) {
                    List<Layer> layers = new ArrayList<>();
                    cell.op(node + 1, source, o).collectLayers(layers);
                    for (Layer l : layers) {
                        if (l instanceof BatchNorm bn && bn.affine()) {
                            bn.setAffineTrainable(trainable);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void freezeNode(CellType type, int node) {
        checkType(type);
        frozen[checkNode(node)] = true;
        net.compressedCodeParameter(node).setTrainable(false);
    }

    /** Whether b of the node is frozen. */
    public boolean frozen(int node) {
        return frozen[checkNode(node)];
    }

    @Override
    public void releaseNode(CellType type, int node) {
        checkType(type);
        released[checkNode(node)] = true;
        setAffineTrainable(node, true);
    }

    /** Whether the BN affine parameters of the node's ops train. */
    public boolean released(int node) {
        return released[checkNode(node)];
    }

    @Override
    public void setDropPathProbability(double probability) {
        if (probability != 0) {
            throw new IllegalArgumentException("the nas-bench-201 one-stage network has no drop-path (its recipes "
                    + "use none); set dropPath to 0, got " + probability);
        }
    }

    // ---- the sparse super-net's contract, delegated; a frozen b stays frozen when it is set again ----

    @Override
    public ParameterGroup architecture() {
        return net.architecture();
    }

    @Override
    public double[] compressedCode(CellType type, int node) {
        return net.compressedCode(type, node);
    }

    @Override
    public void setCompressedCode(CellType type, int node, double[] b) {
        net.setCompressedCode(type, node, b);
        net.compressedCodeParameter(node).setTrainable(!frozen[node]);
    }

    @Override
    public void setSupport(CellType type, int node, double[][] a, int[] support, double[] x) {
        net.setSupport(type, node, a, support, x);
        net.compressedCodeParameter(node).setTrainable(!frozen[node]);
    }

    @Override
    public double[] nodeWeights(CellType type, int node) {
        return net.nodeWeights(type, node);
    }

    @Override
    public int[][] computedOperations() {
        return net.computedOperations();
    }

    @Override
    public StepResult trainStep(Batch batch) {
        return net.trainStep(batch);
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return net.evaluate(batch);
    }

    @Override
    public float[][] logits(Batch batch) {
        return net.logits(batch);
    }

    @Override
    public ParameterGroup weights() {
        return net.weights();
    }

    @Override
    public long parameterCount() {
        return net.parameterCount();
    }

    // ---- folding ----

    /** The cell of the current supports (edges outside every support are {@code none}). */
    public Nb201Cell cell() {
        List<int[]> supports = new ArrayList<>();
        for (int j = 0; j < NODES; j++) {
            supports.add(net.support(j));
        }
        return Nb201Support.cell(supports, net.spec().operations());
    }

    /**
     * The stand-alone network of {@link #cell()} in the one-stage layout, holding this network's weights and BN
     * statistics, with z_k multiplied into the BN of each active op: it computes what this network computes.
     */
    @Override
    public Nb201Network fold() {
        SpaceSearchSpec spec = net.spec();
        Nb201Cell cell = cell();
        Nb201Network folded = new Nb201Network(cell, spec.input().channels(), spec.classes(), spec.channels(),
                spec.cellsPerStage(), true, net.dataType(), spec.seed());
        try {
            LayerState.copy(net.stem(), folded.stem(), "stem");
            for (int r = 0; r < net.residualBlocks().size(); r++) {
                LayerState.copy(net.residualBlocks().get(r), folded.residualBlocks().get(r), "residual block " + r);
            }
            int ops = spec.operations().size();
            for (int c = 0; c < net.cells().size(); c++) {
                for (int j = 0; j < NODES; j++) {
                    double[] z = net.nodeWeights(CellType.NORMAL, j);
                    for (int k : net.support(j)) {
                        int source = k / ops;
                        Layer to = folded.cells().get(c).edge(Nb201Cell.edge(source, j + 1));
                        String what = "cell " + c + " edge " + source + "->" + (j + 1);
                        LayerState.copy(net.cells().get(c).op(j + 1, source, k % ops), to, what);
                        BatchNorm last = OpLayers.trailingBatchNorm(to);
                        if (last == null) {
                            throw new IllegalStateException(what + ": " + cell.op(Nb201Cell.edge(source, j + 1))
                                    + " of the folded network does not end in a batch norm");
                        }
                        last.scaleAffine(z[k]);
                    }
                }
            }
            LayerState.copy(net.head(), folded.head(), "head");
            return folded;
        } catch (RuntimeException e) {
            folded.close();
            throw e;
        }
    }

    // ---- state: the sparse super-net's, then per node whether b is frozen and the BNs released ----

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        net.writeState(out);
        for (int j = 0; j < NODES; j++) {
            out.writeBoolean(frozen[j]);
            out.writeBoolean(released[j]);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        net.readState(in);
        for (int j = 0; j < NODES; j++) {
            frozen[j] = in.readBoolean();
            released[j] = in.readBoolean();
            setAffineTrainable(j, released[j]);
            if (frozen[j]) {
                net.compressedCodeParameter(j).setTrainable(false);
            }
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
