package org.istanas.ops.nb201;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.data.Batch;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.nb201.Nb201Cell;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The NAS-Bench-201 stand-alone network (official {@code TinyNetwork}, C = 16, N = 5 for the benchmark): stem Conv
 * 3×3 (3→C, no bias) → BN; N cells at C; residual block C→2C; N cells at 2C; residual block 2C→4C; N cells at 4C;
 * BN → ReLU → global average pool → Linear(4C → classes). All 3N cells share one genotype; every BN is affine and
 * tracked. Trainable from scratch: mean softmax cross-entropy (optional label smoothing), inference with the running
 * BN statistics, and its state (weights and BN statistics) for checkpoints.
 */
public final class Nb201Network implements StandaloneModel, TrainableNetwork {
    public static final int CHANNELS = 16;
    public static final int CELLS_PER_STAGE = 5;
    private static final String MAGIC = "istanas-nb201-network-1";

    private final Nb201Cell cell;
    private final int inputChannels;
    private final int classes;
    private final int channels;
    private final int cellsPerStage;
    private final boolean oneStageBn;
    private final DataType type;
    private final Layer stem;
    private final List<Nb201CellLayer> cells = new ArrayList<>();
    private final List<ResidualBlock> residualBlocks = new ArrayList<>();
    private final Layer head;
    private final Sequential body;
    private final List<Param> parameters = new ArrayList<>();
    private final List<INDArray> buffers = new ArrayList<>();
    private final ParamGroup weights;
    private double labelSmoothing;
    private INDArray input;

    /**
     * The benchmark's network (C = 16, N = 5, float32).
     *
     * @param inputChannels image channels (3 for CIFAR and ImageNet16-120)
     * @param seed          weight-initialisation seed
     */
    public Nb201Network(Nb201Cell cell, int inputChannels, int classes, long seed) {
        this(cell, inputChannels, classes, CHANNELS, CELLS_PER_STAGE, false, DataType.FLOAT, seed);
    }

    /**
     * @param channels      C, the width of the first stage
     * @param cellsPerStage N
     * @param oneStageBn    whether skip_connect and avg_pool_3x3 carry an appended affine BN (the one-stage layout:
     *                      every op then ends in a BN that a folded architecture weight z lives in)
     * @param dtype         float32 to train, float64 for finite-difference checks
     */
    public Nb201Network(Nb201Cell cell, int inputChannels, int classes, int channels, int cellsPerStage,
                        boolean oneStageBn, DataType dtype, long seed) {
        this.cell = Objects.requireNonNull(cell, "cell is null");
        this.type = Objects.requireNonNull(dtype, "dtype is null");
        if (classes < 1 || inputChannels < 1 || channels < 1 || cellsPerStage < 1) {
            throw new IllegalArgumentException("need inputChannels, classes, channels and cellsPerStage >= 1, got "
                    + inputChannels + ", " + classes + ", " + channels + ", " + cellsPerStage);
        }
        this.inputChannels = inputChannels;
        this.classes = classes;
        this.channels = channels;
        this.cellsPerStage = cellsPerStage;
        this.oneStageBn = oneStageBn;
        // one generator in construction order, as before this network was trainable: same seed, same weights
        LayerFactory factory = new LayerFactory(dtype, seed, "nb201");
        List<Layer> layers = new ArrayList<>();
        stem = factory.sequence(factory.conv(inputChannels, channels, 3, 1, 1, 1), factory.batchNorm(channels, true));
        layers.add(stem);
        int width = channels;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                ResidualBlock block = new ResidualBlock(width, width * 2, factory);
                residualBlocks.add(block);
                layers.add(block);
                width *= 2;
            }
            for (int i = 0; i < cellsPerStage; i++) {
                Nb201CellLayer layer = new Nb201CellLayer(cell, width, oneStageBn, factory);
                cells.add(layer);
                layers.add(layer);
            }
        }
        head = factory.sequence(factory.batchNorm(width, true), factory.relu(), new GlobalAvgPool(),
                factory.linear(width, classes));
        layers.add(head);
        this.body = new Sequential(layers);
        body.collectParameters(parameters);
        body.collectBuffers(buffers);
        this.weights = ParamGroup.of(parameters);
    }

    public Nb201Cell cell() {
        return cell;
    }

    /** Whether the parameter-free ops carry an appended BN (one-stage layout). */
    public boolean oneStageBn() {
        return oneStageBn;
    }

    public int channels() {
        return channels;
    }

    public int cellsPerStage() {
        return cellsPerStage;
    }

    public DataType dataType() {
        return type;
    }

    /** Stem Conv → BN. */
    Layer stem() {
        return stem;
    }

    /** The 3N cells in order. */
    List<Nb201CellLayer> cells() {
        return cells;
    }

    /** The two residual blocks in order. */
    List<ResidualBlock> residualBlocks() {
        return residualBlocks;
    }

    /** BN → ReLU → pool → linear. */
    Layer head() {
        return head;
    }

    /** Logits [N, classes] of images [N, C, H, W]. */
    public INDArray forward(INDArray images, boolean training) {
        return body.forward(images, training);
    }

    /** Gradient of the loss with respect to the images, given its gradient with respect to the logits. */
    public INDArray backward(INDArray gradLogits) {
        return body.backward(gradLogits);
    }

    public List<Param> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public long parameterCount() {
        return weights.size();
    }

    private INDArray input(Batch batch) {
        Objects.requireNonNull(batch, "batch is null");
        if (batch.shape().channels() != inputChannels) {
            throw new IllegalArgumentException("the network takes images of " + inputChannels + " channels, got "
                    + batch.shape());
        }
        input = BatchTensor.fill(input, batch, type);
        return input;
    }

    @Override
    public void setLabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + epsilon);
        }
        this.labelSmoothing = epsilon;
    }

    @Override
    public StepResult trainStep(Batch batch) {
        INDArray x = input(batch);
        parameters.forEach(Param::clearGradient);
        INDArray logits = body.forward(x, true);
        CrossEntropy.Result ce = CrossEntropy.compute(logits, batch.labels(), labelSmoothing, 1, true);
        body.backward(ce.gradient());
        ce.gradient().close();
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    @Override
    public StepResult evaluate(Batch batch) {
        CrossEntropy.Result ce = CrossEntropy.compute(body.forward(input(batch), false), batch.labels(), false);
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    @Override
    public float[][] logits(Batch batch) {
        return body.forward(input(batch), false).castTo(DataType.FLOAT).toFloatMatrix();
    }

    @Override
    public ParameterGroup weights() {
        return weights;
    }

    /** Writes the network's shape (cell, C, N, layout, classes), then every weight and BN running statistic. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateIO.writeHeader(out, MAGIC);
        out.writeUTF(cell.arch());
        out.writeInt(channels);
        out.writeInt(cellsPerStage);
        out.writeBoolean(oneStageBn);
        out.writeInt(classes);
        StateIO.writeWeights(out, parameters, buffers);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        StateIO.readHeader(in, MAGIC);
        String arch = in.readUTF();
        int c = in.readInt();
        int n = in.readInt();
        boolean bn = in.readBoolean();
        int k = in.readInt();
        if (!arch.equals(cell.arch()) || c != channels || n != cellsPerStage || bn != oneStageBn || k != classes) {
            throw new IOException("state of the nas-bench-201 network " + describe(arch, c, n, bn, k)
                    + " cannot be read into " + describe(cell.arch(), channels, cellsPerStage, oneStageBn, classes));
        }
        StateIO.readWeights(in, parameters, buffers);
    }

    private static String describe(String arch, int c, int n, boolean bn, int k) {
        return arch + " (C " + c + ", N " + n + (bn ? ", one-stage BN" : "") + ", " + k + " classes)";
    }

    @Override
    public void close() {
        body.close();
        Buffers.release(input);
        input = null;
    }
}
