package org.istanas.ops.nb201;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.CellEvaluation;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.StepResult;
import org.istanas.api.run.Seeds;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.ops.engine.nn.BatchTensor;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.CrossEntropy;
import org.istanas.ops.engine.nn.GlobalAvgPool;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.optim.StateIO;
import org.istanas.ops.engine.search.NodeMix;
import org.istanas.ops.engine.search.SparseNodeCode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ISTA-NAS two-stage super-net of NAS-Bench-201 on ND4J. The macro network is the stand-alone one (stem Conv
 * 3×3 → BN, N cells at C, residual block, N cells at 2C, residual block, N cells at 4C, BN → ReLU → pool → linear);
 * the 3N cells are {@link Nb201SearchCell}s sharing one code per node: node j (0-based, NB201 node j + 1) has
 * n_j = (j + 1) · ops candidates, b_j (length m_j) and a {@link SparseNodeCode}, exactly as the DARTS-space
 * sparse super-net. There is one cell type, {@link CellType#NORMAL}; asking for {@code REDUCE} is an error.
 */
public final class Nd4jNb201SparseSearchNetwork implements SparseSearchNetwork, CellEvaluation {
    private static final String MAGIC = "istanas-nb201-sparse-search-1";
    /** Intermediate nodes 1..3 of an NB201 cell. */
    public static final int NODES = 3;

    private final SpaceSearchSpec spec;
    private final DataType type;
    private final Sequential stem;
    /** Cells and residual blocks in order; cells are the {@link Nb201SearchCell} entries. */
    private final List<Object> body = new ArrayList<>();
    private final List<Nb201SearchCell> cells = new ArrayList<>();
    private final Sequential head;
    private final List<Param> weightList = new ArrayList<>();
    private final List<INDArray> buffers = new ArrayList<>();
    private final SparseNodeCode[] codes = new SparseNodeCode[NODES];
    private final Param[] codeParams = new Param[NODES];
    private final ParamGroup weights;
    private final ParamGroup architecture;
    private INDArray input;

    public Nd4jNb201SparseSearchNetwork(SpaceSearchSpec spec, DataType type) {
        this(spec, type, Nb201SearchCell::searchOperation);
    }

    /** @param layers builds the cells' (edge, op) instances (the one-stage super-net's end in an affine BN) */
    Nd4jNb201SparseSearchNetwork(SpaceSearchSpec spec, DataType type, Nb201SearchCell.CandidateLayers layers) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.type = type;
        int c = spec.channels();
        LayerFactory stemFactory = new LayerFactory(type, Seeds.derive(spec.seed(), "nb201.stem"), "stem");
        this.stem = new Sequential(List.of(stemFactory.conv(spec.input().channels(), c, 3, 1, 1, 1),
                stemFactory.batchNorm(c, true)));
        int channels = c;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                String key = "nb201.residual" + stage;
                body.add(new ResidualBlock(channels, channels * 2, new LayerFactory(type,
                        Seeds.derive(spec.seed(), key), key)));
                channels *= 2;
            }
            for (int i = 0; i < spec.cellsPerStage(); i++) {
                Nb201SearchCell cell = new Nb201SearchCell("nb201.cell" + cells.size(), type, spec.seed(), channels,
                        spec.operations(), layers);
                body.add(cell);
                cells.add(cell);
            }
        }
        LayerFactory headFactory = new LayerFactory(type, Seeds.derive(spec.seed(), "nb201.head"), "head");
        this.head = new Sequential(List.of(headFactory.batchNorm(channels, true), headFactory.relu(),
                new GlobalAvgPool(), headFactory.linear(channels, spec.classes())));
        stem.collectParameters(weightList);
        stem.collectBuffers(buffers);
        for (Object part : body) {
            if (part instanceof Nb201SearchCell cell) {
                cell.collectParameters(weightList);
                cell.collectBuffers(buffers);
            } else {
                ((Layer) part).collectParameters(weightList);
                ((Layer) part).collectBuffers(buffers);
            }
        }
        head.collectParameters(weightList);
        head.collectBuffers(buffers);
        this.weights = ParamGroup.of(weightList);
        this.architecture = new ParamGroup(() -> {
            List<Param> list = new ArrayList<>();
            for (Param p : codeParams) {
                if (p != null) {
                    list.add(p);
                }
            }
            return list;
        });
    }

    SpaceSearchSpec spec() {
        return spec;
    }

    DataType dataType() {
        return type;
    }

    /** Stem Conv → BN. */
    Layer stem() {
        return stem;
    }

    /** The 3N search cells in order. */
    List<Nb201SearchCell> cells() {
        return cells;
    }

    /** The two residual blocks in order. */
    List<ResidualBlock> residualBlocks() {
        return body.stream().filter(ResidualBlock.class::isInstance).map(ResidualBlock.class::cast).toList();
    }

    /** BN → ReLU → pool → linear. */
    Layer head() {
        return head;
    }

    /** The support of node {@code node} as last set (indices into its z). */
    int[] support(int node) {
        return code(checkNode(node)).support();
    }

    /** b of node {@code node}, as the optimizers see it (its trainable flag freezes it). */
    Param compressedCodeParameter(int node) {
        Param b = codeParams[checkNode(node)];
        if (b == null) {
            throw new IllegalStateException("b of node " + node + " is not set yet; call setCompressedCode");
        }
        return b;
    }

    /** Length of z of node {@code node} (0-based): one entry per (source node, op). */
    public int candidates(int node) {
        return (checkNode(node) + 1) * spec.operations().size();
    }

    private static int checkNode(int node) {
        if (node < 0 || node >= NODES) {
            throw new IllegalArgumentException("node must be in 0.." + (NODES - 1) + ", got " + node);
        }
        return node;
    }

    private static void checkType(CellType cellType) {
        if (cellType != CellType.NORMAL) {
            throw new IllegalArgumentException("a nas-bench-201 super-net has one cell type, NORMAL; got " + cellType);
        }
    }

    @Override
    public ParameterGroup architecture() {
        return architecture;
    }

    @Override
    public double[] compressedCode(CellType cellType, int node) {
        checkType(cellType);
        Param b = codeParams[checkNode(node)];
        if (b == null) {
            throw new IllegalStateException("b of node " + node + " is not set yet; call setSupport");
        }
        return b.value().castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Override
    public void setCompressedCode(CellType cellType, int node, double[] b) {
        checkType(cellType);
        Objects.requireNonNull(b, "b is null");
        SparseNodeCode code = codes[checkNode(node)];
        if (code != null && code.m() != b.length) {
            throw new IllegalArgumentException("b of node " + node + " must have length m = " + code.m() + ", got "
                    + b.length);
        }
        Param p = codeParams[node];
        if (p == null || p.size() != b.length) {
            codeParams[node] = new Param("b.nb201." + node, Nd4j.createFromArray(b).castTo(type));
        } else {
            p.value().assign(Nd4j.createFromArray(b).castTo(type));
        }
    }

    @Override
    public void setSupport(CellType cellType, int node, double[][] a, int[] support, double[] x) {
        checkType(cellType);
        SparseNodeCode code = new SparseNodeCode(a, support, x, candidates(node), "setSupport(node " + node + ")");
        Param p = codeParams[node];
        if (p != null && p.size() != code.m()) {
            throw new IllegalArgumentException("A of node " + node + " has " + code.m() + " rows but b has length "
                    + p.size());
        }
        codes[node] = code;
        if (p == null) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(spec.seed(), "b.nb201." + node));
            double[] b = new double[code.m()];
            for (int i = 0; i < b.length; i++) {
                b[i] = 1e-3 * random.nextGaussian();
            }
            setCompressedCode(cellType, node, b);
        }
    }

    private SparseNodeCode code(int node) {
        if (codes[node] == null) {
            throw new IllegalStateException("support of node " + node + " is not set; call setSupport first");
        }
        return codes[node];
    }

    @Override
    public double[] nodeWeights(CellType cellType, int node) {
        checkType(cellType);
        SparseNodeCode code = code(checkNode(node));
        double[] zs = code.weights(compressedCode(cellType, node));
        double[] z = new double[candidates(node)];
        int[] support = code.support();
        for (int i = 0; i < support.length; i++) {
            z[support[i]] = zs[i];
        }
        return z;
    }

    private NodeMix[] mixes() {
        NodeMix[] mixes = new NodeMix[NODES];
        for (int j = 0; j < NODES; j++) {
            mixes[j] = new NodeMix(code(j).support(), code(j).weights(compressedCode(CellType.NORMAL, j)));
        }
        return mixes;
    }

    private INDArray input(Batch batch) {
        if (!batch.shape().equals(spec.input())) {
            throw new IllegalArgumentException("batch images are " + batch.shape() + " but the network expects "
                    + spec.input());
        }
        input = BatchTensor.fill(input, batch, type);
        return input;
    }

    private INDArray forward(Batch batch, NodeMix[] mixes, boolean training) {
        INDArray x = stem.forward(input(batch), training);
        for (Object part : body) {
            x = part instanceof Nb201SearchCell cell ? cell.forward(x, mixes, training)
                    : ((Layer) part).forward(x, training);
        }
        return head.forward(x, training);
    }

    @Override
    public StepResult trainStep(Batch batch) {
        NodeMix[] mixes = mixes();
        double[][] gradZ = new double[NODES][];
        StepResult result = trainStep(batch, mixes, gradZ);
        for (int j = 0; j < NODES; j++) {
            Param b = codeParams[j];
            b.gradient().assign(Nd4j.createFromArray(codes[j].gradientOfB(gradZ[j])).castTo(b.value().dataType()));
            b.markGradient();
        }
        return result;
    }

    /**
     * A training step with the given node mixes (the dense super-net mixes every candidate by its softmax weight):
     * the weights get their gradients, {@code gradZ[j]} receives dLoss/dw of each entry of mix j.
     */
    StepResult trainStep(Batch batch, NodeMix[] mixes, double[][] gradZ) {
        weightList.forEach(Param::clearGradient);
        INDArray logits = forward(batch, mixes, true);
        CrossEntropy.Result ce = CrossEntropy.compute(logits, batch.labels(), true);
        INDArray g = head.backward(ce.gradient());
        ce.gradient().close();
        for (int j = 0; j < NODES; j++) {
            gradZ[j] = new double[mixes[j].size()];
        }
        for (int i = body.size() - 1; i >= 0; i--) {
            Object part = body.get(i);
            g = part instanceof Nb201SearchCell cell ? cell.backward(g, gradZ) : ((Layer) part).backward(g);
        }
        stem.backward(g);
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return evaluate(batch, mixes());
    }

    StepResult evaluate(Batch batch, NodeMix[] mixes) {
        CrossEntropy.Result ce = CrossEntropy.compute(forward(batch, mixes, false), batch.labels(), false);
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    @Override
    public float[][] logits(Batch batch) {
        return logits(batch, mixes());
    }

    /** The cell alone: on every edge its op with weight 1, {@code none} edges left out. */
    @Override
    public StepResult evaluate(Batch batch, Architecture architecture, boolean batchStatistics) {
        NodeMix[] mixes = cellMixes(architecture);
        CrossEntropy.Result ce = CrossEntropy.compute(forward(batch, mixes, batchStatistics), batch.labels(), false);
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    private NodeMix[] cellMixes(Architecture architecture) {
        if (!(architecture instanceof Nb201Cell cell)) {
            throw new IllegalArgumentException("a nas-bench-201 super-net evaluates nas-bench-201 cells, not a "
                    + architecture.space() + " architecture");
        }
        List<String> ops = spec.operations();
        NodeMix[] mixes = new NodeMix[NODES];
        for (int j = 0; j < NODES; j++) {
            List<Integer> candidates = new ArrayList<>();
            for (int source = 0; source <= j; source++) {
                String op = cell.op(Nb201Cell.edge(source, j + 1));
                if (op.equals("none")) {
                    continue;
                }
                int o = ops.indexOf(op);
                if (o < 0) {
                    throw new IllegalArgumentException("cell " + cell.arch() + ": edge " + source + "->" + (j + 1)
                            + " has " + op + ", which this super-net does not have; it has " + ops);
                }
                candidates.add(source * ops.size() + o);
            }
            double[] ones = new double[candidates.size()];
            java.util.Arrays.fill(ones, 1.0);
            mixes[j] = new NodeMix(candidates.stream().mapToInt(Integer::intValue).toArray(), ones);
        }
        return mixes;
    }

    /** Logits of the current supports in inference mode, at the network's precision (owned by the network). */
    INDArray inferenceLogits(Batch batch) {
        return forward(batch, mixes(), false);
    }

    float[][] logits(Batch batch, NodeMix[] mixes) {
        return forward(batch, mixes, false).castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** Evaluations per [cell][node] in the last forward pass. */
    @Override
    public int[][] computedOperations() {
        int[][] counts = new int[cells.size()][];
        for (int i = 0; i < cells.size(); i++) {
            counts[i] = cells.get(i).computedOperations();
        }
        return counts;
    }

    @Override
    public ParameterGroup weights() {
        return weights;
    }

    @Override
    public long parameterCount() {
        return weightList.stream().mapToLong(Param::size).sum();
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        StateIO.writeWeights(out, weightList, buffers);
        for (int j = 0; j < NODES; j++) {
            SparseNodeCode code = codes[j];
            out.writeBoolean(code != null);
            if (code != null) {
                double[][] a = code.a();
                out.writeInt(a.length);
                for (double[] row : a) {
                    StateIO.writeDoubles(out, row);
                }
                int[] support = code.support();
                out.writeInt(support.length);
                for (int k : support) {
                    out.writeInt(k);
                }
                StateIO.writeDoubles(out, code.x());
            }
            out.writeBoolean(codeParams[j] != null);
            if (codeParams[j] != null) {
                StateIO.write(out, codeParams[j].value());
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        StateIO.readWeights(in, weightList, buffers);
        for (int j = 0; j < NODES; j++) {
            if (in.readBoolean()) {
                double[][] a = new double[in.readInt()][];
                for (int r = 0; r < a.length; r++) {
                    a[r] = StateIO.readDoubles(in);
                }
                int[] support = new int[in.readInt()];
                for (int i = 0; i < support.length; i++) {
                    support[i] = in.readInt();
                }
                codes[j] = new SparseNodeCode(a, support, StateIO.readDoubles(in), candidates(j),
                        "state of node " + j);
            } else {
                codes[j] = null;
            }
            if (in.readBoolean()) {
                double[] b = StateIO.readValues(in);
                if (codes[j] != null && codes[j].m() != b.length) {
                    throw new IOException("state of b of node " + j + " has length " + b.length + ", A has "
                            + codes[j].m() + " rows");
                }
                setCompressedCode(CellType.NORMAL, j, b);
            } else {
                codeParams[j] = null;
            }
        }
    }

    @Override
    public void close() {
        stem.close();
        for (Object part : body) {
            if (part instanceof Nb201SearchCell cell) {
                cell.close();
            } else {
                ((Layer) part).close();
            }
        }
        head.close();
        Buffers.release(input);
        input = null;
    }
}
