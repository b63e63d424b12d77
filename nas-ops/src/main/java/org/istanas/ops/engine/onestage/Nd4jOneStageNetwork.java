package org.istanas.ops.engine.onestage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.search.SparseNodeCode;
import org.istanas.ops.engine.targetnet.AuxiliaryHead;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.CellNetwork;
import org.istanas.ops.engine.targetnet.Edge;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
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
    private final SparseNodeCode[][] codes;
    private final Param[][] codeParams;
    private final boolean[][] frozen;
    private final boolean[][] released;
    private final ParamGroup architecture;

    Nd4jOneStageNetwork(SearchNetworkSpec spec, Layout layout, DataType type, List<NetworkPlan.CellShape> shapes,
                        Stem stem, List<Cell> cells, AuxiliaryHead auxiliary, Linear classifier) {
        super(type, spec.input(), spec.classes(), spec.seed(), stem, cells, NetworkPlan.auxiliaryCell(spec.layers()),
                auxiliary, spec.auxiliaryWeight(), classifier);
        this.spec = spec;
        this.layout = layout;
        this.shapes = List.copyOf(shapes);
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

    private static int typeIndex(CellType type) {
        return Objects.requireNonNull(type, "type is null").ordinal();
    }

    private int checkNode(int node) {
        if (node < 0 || node >= spec.nodes()) {
            throw new IllegalArgumentException("node must be in 0.." + (spec.nodes() - 1) + ", got " + node);
        }
        return node;
    }

    private static CellType typeOf(NetworkPlan.CellShape shape) {
        return shape.reduction() ? CellType.REDUCE : CellType.NORMAL;
    }

    // ---- architecture variables ----

    @Override
    public ParameterGroup architecture() {
        return architecture;
    }

    @Override
    public double[] compressedCode(CellType type, int node) {
        Param b = codeParams[typeIndex(type)][checkNode(node)];
        if (b == null) {
            throw new IllegalStateException("b of " + type + " node " + node + " is not set yet; call setSupport");
        }
        return b.value().castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Override
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

    @Override
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
        rebuildEdges(type, node);
    }

    private void rebuildEdges(CellType type, int node) {
        int t = typeIndex(type);
        int count = spec.operations().size();
        int[] support = codes[t][node].support();
        for (NetworkPlan.CellShape shape : shapes) {
            if (typeOf(shape) != type) {
                continue;
            }
            List<Edge> edges = new ArrayList<>();
            for (int k : support) {
                edges.add(Edge.of(k / count, op(shape, node, k / count, k % count)));
            }
            cells.get(shape.index()).setEdges(node, edges);
        }
    }

    private String opKey(int cell, int node, int input, int op) {
        return "cell" + cell + ".n" + node + ".in" + input + "." + op + "." + spec.operations().get(op).name();
    }

    /** The op instance of (cell, node, input, op), created on first use. */
    private Layer op(NetworkPlan.CellShape shape, int node, int input, int op) {
        String key = opKey(shape.index(), node, input, op);
        Layer layer = ops.get(key);
        if (layer == null) {
            CandidateOperation operation = spec.operations().get(op);
            int stride = shape.reduction() && input < 2 ? 2 : 1;
            layer = OpLayers.build(operation, new OpSpec(shape.channels(), stride, true),
                    TargetNetworks.factory(dataType, spec.seed(), key), true);
            setAffineTrainable(layer, released[typeIndex(typeOf(shape))][node]);
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
        int t = typeIndex(type);
        SparseNodeCode code = code(t, checkNode(node));
        double[] zs = code.weights(compressedCode(type, node));
        double[] z = new double[spec.candidates(node)];
        int[] support = code.support();
        for (int i = 0; i < support.length; i++) {
            z[support[i]] = zs[i];
        }
        return z;
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
        int t = typeIndex(type);
        frozen[t][checkNode(node)] = true;
        if (codeParams[t][node] != null) {
            codeParams[t][node].setTrainable(false);
        }
    }

    /** Whether b of the node is frozen. */
    public boolean frozen(CellType type, int node) {
        return frozen[typeIndex(type)][checkNode(node)];
    }

    @Override
    public void releaseNode(CellType type, int node) {
        int t = typeIndex(type);
        released[t][checkNode(node)] = true;
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
        return released[typeIndex(type)][checkNode(node)];
    }

    // ---- forward / backward hooks ----

    @Override
    protected void beforeForward(boolean training) {
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                if (codes[t][j] == null) {
                    continue;
                }
                double[] z = codes[t][j].weights(compressedCode(CellType.values()[t], j));
                for (NetworkPlan.CellShape shape : shapes) {
                    if (typeOf(shape).ordinal() == t) {
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
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                SparseNodeCode code = codes[t][j];
                Param b = codeParams[t][j];
                if (code == null || b == null || !b.trainable()) {
                    continue;
                }
                double[] gradZ = new double[code.support().length];
                for (NetworkPlan.CellShape shape : shapes) {
                    if (typeOf(shape).ordinal() == t) {
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
        architecture.params().forEach(Param::clearGradient);
    }

    // ---- parameters and state ----

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
        out.writeInt(ops.size());
        for (String key : ops.keySet()) {
            out.writeUTF(key);
        }
    }

    @Override
    protected void readStructure(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, int[]> wanted = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            wanted.put(key, parseKey(key));
        }
        for (Map.Entry<String, int[]> e : wanted.entrySet()) {
            int[] k = e.getValue();
            op(shapes.get(k[0]), k[1], k[2], k[3]);
        }
        if (!ops.keySet().equals(wanted.keySet())) {
            throw new IOException("state has ops " + wanted.keySet().size() + " but this network already holds "
                    + ops.size() + " (ops outside the state: read the state into a freshly built network)");
        }
    }

    private int[] parseKey(String key) throws IOException {
        String[] parts = key.split("\\.");
        try {
            int cell = Integer.parseInt(parts[0].substring(4));
            int node = Integer.parseInt(parts[1].substring(1));
            int input = Integer.parseInt(parts[2].substring(2));
            int op = Integer.parseInt(parts[3]);
            if (cell >= shapes.size() || node >= spec.nodes() || input >= node + 2 || op >= spec.operations().size()
                    || !key.equals(opKey(cell, node, input, op))) {
                throw new IOException("state op '" + key + "' does not exist in this network");
            }
            return new int[] {cell, node, input, op};
        } catch (RuntimeException e) {
            throw new IOException("malformed op key '" + key + "' in network state", e);
        }
    }

    @Override
    protected void writeExtra(DataOutputStream out) throws IOException {
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < spec.nodes(); j++) {
                out.writeBoolean(frozen[t][j]);
                out.writeBoolean(released[t][j]);
                Param b = codeParams[t][j];
                out.writeBoolean(b != null);
                if (b != null) {
                    writeDoubles(out, compressedCode(CellType.values()[t], j));
                }
                SparseNodeCode code = codes[t][j];
                out.writeBoolean(code != null);
                if (code != null) {
                    double[][] a = code.a();
                    out.writeInt(a.length);
                    for (double[] row : a) {
                        writeDoubles(out, row);
                    }
                    int[] support = code.support();
                    out.writeInt(support.length);
                    for (int k : support) {
                        out.writeInt(k);
                    }
                    writeDoubles(out, code.x());
                }
            }
        }
    }

    @Override
    protected void readExtra(DataInputStream in) throws IOException {
        for (int t = 0; t < 2; t++) {
            CellType type = CellType.values()[t];
            for (int j = 0; j < spec.nodes(); j++) {
                boolean isFrozen = in.readBoolean();
                boolean isReleased = in.readBoolean();
                if (in.readBoolean()) {
                    double[] b = readDoubles(in);
                    codes[t][j] = null; // the state's A may have another m; b keeps its Param (optimizer state)
                    setCompressedCode(type, j, b);
                }
                if (in.readBoolean()) {
                    double[][] a = new double[in.readInt()][];
                    for (int r = 0; r < a.length; r++) {
                        a[r] = readDoubles(in);
                    }
                    int[] support = new int[in.readInt()];
                    for (int i = 0; i < support.length; i++) {
                        support[i] = in.readInt();
                    }
                    setSupport(type, j, a, support, readDoubles(in));
                }
                if (isFrozen) {
                    freezeNode(type, j);
                }
                if (isReleased) {
                    releaseNode(type, j);
                }
            }
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    // ---- folding ----

    /** The genotype of the current supports: per node (op, input) of the 2nd-largest, then the largest |z|. */
    public Genotype genotype() {
        List<List<GenotypeEdge>> cellsByType = new ArrayList<>();
        for (CellType type : CellType.values()) {
            List<GenotypeEdge> entries = new ArrayList<>();
            for (int j = 0; j < spec.nodes(); j++) {
                for (int k : foldOrder(type, j)) {
                    entries.add(new GenotypeEdge(spec.operations().get(k % spec.operations().size()).name(),
                            k / spec.operations().size()));
                }
            }
            cellsByType.add(entries);
        }
        List<Integer> concat = new ArrayList<>();
        for (int j = 0; j < spec.nodes(); j++) {
            concat.add(j + 2);
        }
        return new Genotype(cellsByType.get(0), concat, cellsByType.get(1), concat);
    }

    /** Support indices of a node ordered for the genotype: ascending |z|, ties with the higher index first. */
    private int[] foldOrder(CellType type, int node) {
        int t = typeIndex(type);
        int[] support = code(t, node).support();
        if (support.length != 2) {
            throw new IllegalStateException("folding needs exactly 2 active ops per node (a genotype has two); "
                    + type + " node " + node + " has " + support.length);
        }
        double[] z = nodeWeights(type, node);
        return java.util.Arrays.stream(support).boxed()
                .sorted(Comparator.<Integer>comparingDouble(k -> Math.abs(z[k])).thenComparing(k -> -k))
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public TargetNetwork fold() {
        Genotype genotype = genotype();
        Map<String, CandidateOperation> byName = new LinkedHashMap<>();
        spec.operations().forEach(op -> byName.put(op.name(), op));
        TargetNetworkSpec targetSpec = new TargetNetworkSpec(genotype, layout, spec.input(), spec.classes(),
                spec.channels(), spec.layers(), spec.auxiliaryWeight(), true, byName, spec.seed());
        Nd4jTargetNetwork target = TargetNetworks.build(targetSpec, dataType);
        try {
            copy(stem().stem0(), target.stem().stem0(), "stem");
            if (!stem().single()) {
                copy(stem().stem1(), target.stem().stem1(), "stem1");
            }
            int count = spec.operations().size();
            for (NetworkPlan.CellShape shape : shapes) {
                Cell from = cells.get(shape.index());
                Cell to = target.cells().get(shape.index());
                copy(from.preprocess0(), to.preprocess0(), "cell" + shape.index() + " preprocess0");
                copy(from.preprocess1(), to.preprocess1(), "cell" + shape.index() + " preprocess1");
                CellType type = typeOf(shape);
                for (int j = 0; j < spec.nodes(); j++) {
                    int[] order = foldOrder(type, j);
                    double[] z = nodeWeights(type, j);
                    for (int e = 0; e < 2; e++) {
                        int k = order[e];
                        Layer source = op(shape, j, k / count, k % count);
                        Layer dest = to.edges(j).get(e).op();
                        copy(source, dest, "cell" + shape.index() + " node " + j + " op " + k);
                        BatchNorm last = OpLayers.trailingBatchNorm(dest);
                        if (last == null) {
                            throw new IllegalStateException("op " + spec.operations().get(k % count).name()
                                    + " of the folded network does not end in a batch norm");
                        }
                        last.scaleAffine(z[k]);
                    }
                }
            }
            copy(classifier(), target.classifier(), "classifier");
            if (auxiliaryHead() != null) {
                copy(auxiliaryHead(), target.auxiliaryHead(), "auxiliary head");
            }
            target.setDropPathProbability(dropPathProbability());
            target.setLabelSmoothing(labelSmoothing());
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void copy(Layer from, Layer to, String what) {
        List<Param> a = new ArrayList<>();
        List<Param> b = new ArrayList<>();
        from.collectParameters(a);
        to.collectParameters(b);
        if (a.size() != b.size()) {
            throw new IllegalStateException(what + ": " + a.size() + " parameter tensors vs " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            b.get(i).value().assign(a.get(i).value());
        }
        List<INDArray> x = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        from.collectBuffers(x);
        to.collectBuffers(y);
        if (x.size() != y.size()) {
            throw new IllegalStateException(what + ": " + x.size() + " buffers vs " + y.size());
        }
        for (int i = 0; i < x.size(); i++) {
            y.get(i).assign(x.get(i));
        }
    }

    @Override
    public void close() {
        super.close();
        ops.values().forEach(Layer::close);
    }
}
