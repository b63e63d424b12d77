package org.istanas.ops.engine.onestage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.search.NodeCodes;
import org.istanas.ops.engine.search.SparseNodeCode;
import org.istanas.ops.engine.targetnet.AuxiliaryHead;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.CellNetwork;
import org.istanas.ops.engine.targetnet.Edge;
import org.istanas.ops.engine.targetnet.NetworkPlan;
import org.istanas.ops.engine.targetnet.OpLayers;
import org.istanas.ops.engine.targetnet.TargetNetworks;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.NetworkInputs;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-stage ISTA-NAS super-net (paper digest 1.7) at target-net settings. Node j of a cell type has b_j (length m,
 * shared by all cells of the type; created at 1e-3 N(0, 1) from the seed when its A is first set) and weights
 * z_S = x_S + A_S^T (b_j - A_S x_S) on its support; only the support's (input, op) pairs are computed.
 *
 * <p>Every op ends in an affine batch norm (pooling and identity get one appended). All batch norms inside ops are
 * held at gamma = 1, beta = 0 (no gradient, optimizers skip them) until {@link #releaseNode} makes them trainable
 * for every op on every edge into the node, in all cells of the type. Op instances are created when they first
 * enter a support (seeded by their position, so creation order does not matter) and kept, with their weights,
 * when they leave it. Preprocessing, stem and classifier batch norms are ordinary trainable ones.
 */
public final class Nd4jOneStageNetwork extends CellNetwork implements OneStageNetwork {
    private final SearchNetworkSpec spec;
    private final Layout layout;
    private final List<NetworkPlan.CellShape> shapes;
    private final Map<String, Layer> ops = new TreeMap<>();
    private final NodeCodes codes;
    private final OneStageState state;

    Nd4jOneStageNetwork(SearchNetworkSpec spec, Layout layout, DataType type, List<NetworkPlan.CellShape> shapes,
                        Stem stem, List<Cell> cells, AuxiliaryHead auxiliary, Linear classifier) {
        super(type, spec.input(), spec.classes(), spec.seed(), stem, cells, NetworkPlan.auxiliaryCell(spec.layers()),
                auxiliary, spec.auxiliaryWeight(), classifier);
        this.spec = spec;
        this.layout = layout;
        this.shapes = List.copyOf(shapes);
        this.codes = new NodeCodes(spec, type);
        this.state = new OneStageState(this, codes);
    }

    /** Builds the super-net; {@code layout} picks the CIFAR or ImageNet stem and auxiliary head. */
    public static Nd4jOneStageNetwork build(SearchNetworkSpec spec, Layout layout, DataType type) {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(layout, "layout is null");
        if (spec.operations().isEmpty()) {
            throw new IllegalArgumentException("the one-stage network needs at least one candidate operation");
        }
        NetworkInputs.requireFits(spec.input(), layout, spec.layers());
        List<NetworkPlan.CellShape> shapes = NetworkPlan.cells(layout, spec.channels(), spec.layers(),
                reduce -> spec.nodes());
        Stem stem = TargetNetworks.stem(layout, spec.input().channels(), spec.channels(), type, spec.seed());
        List<Cell> cells = new ArrayList<>();
        int[] concat = new int[spec.nodes()];
        for (int j = 0; j < concat.length; j++) {
            concat[j] = j + 2;
        }
        for (NetworkPlan.CellShape shape : shapes) {
            Layer[] pre = TargetNetworks.preprocess(shape, type, spec.seed());
            List<List<Edge>> empty = new ArrayList<>();
            for (int j = 0; j < spec.nodes(); j++) {
                empty.add(List.of());
            }
            cells.add(new Cell(pre[0], pre[1], shape.reduction(), shape.channels(), empty, concat));
        }
        int auxCell = NetworkPlan.auxiliaryCell(spec.layers());
        AuxiliaryHead aux = spec.auxiliaryWeight() > 0 ? TargetNetworks.auxiliaryHead(layout,
                shapes.get(auxCell).outputChannels(), spec.classes(), type, spec.seed()) : null;
        Linear classifier = TargetNetworks.factory(type, spec.seed(), "classifier")
                .linear(shapes.get(shapes.size() - 1).outputChannels(), spec.classes());
        return new Nd4jOneStageNetwork(spec, layout, type, shapes, stem, cells, aux, classifier);
    }

    /** CIFAR layout for images up to 64 pixels high, ImageNet layout (three stride-2 stem convs) above. */
    public static Layout layoutFor(SearchNetworkSpec spec) {
        return spec.input().height() > 64 ? Layout.IMAGENET : Layout.CIFAR;
    }

    public SearchNetworkSpec spec() {
        return spec;
    }

    public Layout layout() {
        return layout;
    }

    private static CellType typeOf(NetworkPlan.CellShape shape) {
        return shape.reduction() ? CellType.REDUCE : CellType.NORMAL;
    }

    // ---- architecture variables (kept by NodeCodes) ----

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
        rebuildEdges(type, node);
    }

    private void rebuildEdges(CellType type, int node) {
        int count = spec.operations().size();
        int[] support = codes.code(type, node).support();
        for (NetworkPlan.CellShape shape : shapes) {
            if (typeOf(shape) != type) {
                continue;
            }
            List<Edge> edges = new ArrayList<>();
            for (int k : support) {
                edges.add(Edge.of(k / count, op(shape.index(), node, k / count, k % count)));
            }
            cells.get(shape.index()).setEdges(node, edges);
        }
    }

    String opKey(int cell, int node, int input, int op) {
        return "cell" + cell + ".n" + node + ".in" + input + "." + op + "." + spec.operations().get(op).name();
    }

    /** The keys of the op instances created so far, sorted. */
    Set<String> opKeys() {
        return Collections.unmodifiableSet(ops.keySet());
    }

    /** The op instance of (cell, node, input, op), created on first use. */
    Layer op(int cell, int node, int input, int op) {
        NetworkPlan.CellShape shape = shapes.get(cell);
        String key = opKey(shape.index(), node, input, op);
        Layer layer = ops.get(key);
        if (layer == null) {
            CandidateOperation operation = spec.operations().get(op);
            int stride = shape.reduction() && input < 2 ? 2 : 1;
            layer = OpLayers.build(operation, new OpSpec(shape.channels(), stride, true),
                    TargetNetworks.factory(dataType, spec.seed(), key), true);
            setAffineTrainable(layer, codes.released(typeOf(shape), node));
            ops.put(key, layer);
        }
        return layer;
    }

    private static void setAffineTrainable(Layer op, boolean trainable) {
        List<Layer> layers = new ArrayList<>();
        op.collectLayers(layers);
        for (Layer l : layers) {
            if (l instanceof BatchNorm bn && bn.affine()) {
                bn.setAffineTrainable(trainable);
            }
        }
    }

    @Override
    public double[] nodeWeights(CellType type, int node) {
        return codes.nodeWeights(type, node);
    }

    @Override
    public int[][] computedOperations() {
        int[][] counts = new int[cells.size()][spec.nodes()];
        for (int c = 0; c < cells.size(); c++) {
            for (int j = 0; j < spec.nodes(); j++) {
                counts[c][j] = cells.get(c).edges(j).size();
            }
        }
        return counts;
    }

    @Override
    public void freezeNode(CellType type, int node) {
        codes.freeze(type, node);
    }

    /** Whether b of the node is frozen. */
    public boolean frozen(CellType type, int node) {
        return codes.frozen(type, node);
    }

    @Override
    public void releaseNode(CellType type, int node) {
        codes.markReleased(type, node);
        for (NetworkPlan.CellShape shape : shapes) {
            if (typeOf(shape) != type) {
                continue;
            }
            String prefix = "cell" + shape.index() + ".n" + node + ".";
            ops.forEach((key, layer) -> {
                if (key.startsWith(prefix)) {
                    setAffineTrainable(layer, true);
                }
            });
        }
    }

    /** Whether the BN affine parameters of the node's ops are trainable. */
    public boolean released(CellType type, int node) {
        return codes.released(type, node);
    }

    // ---- forward / backward hooks ----

    @Override
    protected void beforeForward(boolean training) {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes.codeOrNull(type, j);
                if (code == null) {
                    continue;
                }
                double[] z = code.weights(codes.compressedCode(type, j));
                for (NetworkPlan.CellShape shape : shapes) {
                    if (typeOf(shape) == type) {
                        List<Edge> edges = cells.get(shape.index()).edges(j);
                        for (int i = 0; i < z.length; i++) {
                            edges.get(i).setWeight(z[i]);
                        }
                    }
                }
            }
        }
    }

    @Override
    protected void afterBackward() {
        for (CellType type : CellType.values()) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes.codeOrNull(type, j);
                Param b = codes.compressedCodeOrNull(type, j);
                if (code == null || b == null || !b.trainable()) {
                    continue;
                }
                double[] gradZ = new double[code.support().length];
                for (NetworkPlan.CellShape shape : shapes) {
                    if (typeOf(shape) == type) {
                        List<Edge> edges = cells.get(shape.index()).edges(j);
                        for (int i = 0; i < gradZ.length; i++) {
                            gradZ[i] += edges.get(i).weightGradient();
                        }
                    }
                }
                b.gradient().assign(Nd4j.createFromArray(code.gradientOfB(gradZ)).castTo(b.value().dataType()));
                b.markGradient();
            }
        }
    }

    @Override
    protected void clearGradients() {
        super.clearGradients();
        codes.architecture().params().forEach(Param::clearGradient);
    }

    // ---- parameters and state (the network's own part of a checkpoint: OneStageState) ----

    @Override
    protected List<Param> allParameters() {
        List<Param> sink = new ArrayList<>();
        stem().stem0().collectParameters(sink);
        if (!stem().single()) {
            stem().stem1().collectParameters(sink);
        }
        for (Cell cell : cells) {
            cell.preprocess0().collectParameters(sink);
            cell.preprocess1().collectParameters(sink);
        }
        ops.values().forEach(op -> op.collectParameters(sink));
        classifier().collectParameters(sink);
        if (auxiliaryHead() != null) {
            auxiliaryHead().collectParameters(sink);
        }
        return sink;
    }

    @Override
    protected List<INDArray> allBuffers() {
        List<INDArray> sink = new ArrayList<>();
        stem().stem0().collectBuffers(sink);
        if (!stem().single()) {
            stem().stem1().collectBuffers(sink);
        }
        for (Cell cell : cells) {
            cell.preprocess0().collectBuffers(sink);
            cell.preprocess1().collectBuffers(sink);
        }
        ops.values().forEach(op -> op.collectBuffers(sink));
        if (auxiliaryHead() != null) {
            auxiliaryHead().collectBuffers(sink);
        }
        return sink;
    }

    @Override
    protected void writeStructure(DataOutputStream out) throws IOException {
        state.writeStructure(out);
    }

    @Override
    protected void readStructure(DataInputStream in) throws IOException {
        state.readStructure(in);
    }

    @Override
    protected void writeExtra(DataOutputStream out) throws IOException {
        state.writeExtra(out);
    }

    @Override
    protected void readExtra(DataInputStream in) throws IOException {
        state.readExtra(in);
    }

    // ---- folding (SupportGenotype, Folding) ----

    /** The genotype of the current supports: per node (op, input) of the 2nd-largest, then the largest |z|. */
    public Genotype genotype() {
        return SupportGenotype.of(spec, codes);
    }

    @Override
    public TargetNetwork fold() {
        return Folding.fold(this, codes);
    }

    @Override
    public void close() {
        super.close();
        ops.values().forEach(Layer::close);
    }
}
