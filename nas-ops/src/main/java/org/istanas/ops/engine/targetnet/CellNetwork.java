package org.istanas.ops.engine.targetnet;

import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.GradientSum;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageShape;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.CrossEntropy;
import org.istanas.ops.engine.nn.GlobalAvgPool;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The skeleton shared by target networks and the one-stage super-net: stem, a stack of {@link Cell}s (cell i reads
 * the outputs of cells i-2 and i-1), an optional auxiliary head on cell {@code auxiliaryCell}, global average
 * pooling and a linear classifier; loss = CE(main) + auxiliaryWeight * CE(aux) in training, with optional label
 * smoothing.
 */
public abstract class CellNetwork implements TrainableNetwork {
    private static final int STATE_MAGIC = 0x15A7A5E7;
    private static final int STATE_VERSION = 1;

    /** Stem of a network: CIFAR has one stem whose output feeds both first inputs; ImageNet has two. */
    public record Stem(Layer stem0, Layer stem1) {
        public Stem {
            Objects.requireNonNull(stem0, "stem0 is null");
        }

        public boolean single() {
            return stem1 == null;
        }
    }

    protected final DataType dataType;
    protected final ImageShape inputShape;
    protected final int classes;
    private final long seed;
    private final Stem stem;
    protected final List<Cell> cells;
    private final int auxiliaryCell;
    private final AuxiliaryHead auxiliary;
    private final double auxiliaryWeight;
    private final GlobalAvgPool pooling = new GlobalAvgPool();
    private final Linear classifier;
    private final List<GradientSum> gradients = new ArrayList<>();
    private double dropPathProbability;
    private double labelSmoothing;
    private long step;
    /** Batch size of the last forward pass (0 before the first). */
    private long lastBatchSize;

    protected CellNetwork(DataType dataType, ImageShape inputShape, int classes, long seed, Stem stem,
                          List<Cell> cells, int auxiliaryCell, AuxiliaryHead auxiliary, double auxiliaryWeight,
                          Linear classifier) {
        this.dataType = Objects.requireNonNull(dataType, "dataType is null");
        this.inputShape = Objects.requireNonNull(inputShape, "inputShape is null");
        this.classes = classes;
        this.seed = seed;
        this.stem = Objects.requireNonNull(stem, "stem is null");
        this.cells = List.copyOf(cells);
        this.auxiliaryCell = auxiliaryCell;
        this.auxiliary = auxiliary;
        this.auxiliaryWeight = auxiliaryWeight;
        this.classifier = Objects.requireNonNull(classifier, "classifier is null");
        for (int i = 0; i < this.cells.size() + 2; i++) {
            gradients.add(new GradientSum());
        }
    }

    public List<Cell> cells() {
        return cells;
    }

    public Stem stem() {
        return stem;
    }

    public Linear classifier() {
        return classifier;
    }

    public AuxiliaryHead auxiliaryHead() {
        return auxiliary;
    }

    /** Index of the cell whose output feeds the auxiliary head. */
    public int auxiliaryCell() {
        return auxiliaryCell;
    }

    public ImageShape inputShape() {
        return inputShape;
    }

    public int classes() {
        return classes;
    }

    public DataType dataType() {
        return dataType;
    }

    public double dropPathProbability() {
        return dropPathProbability;
    }

    public void setDropPathProbability(double probability) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("drop-path probability must be in [0, 1), got " + probability);
        }
        this.dropPathProbability = probability;
    }

    /** Label smoothing eps of the training loss (main and auxiliary), 0 = plain cross-entropy. */
    @Override
    public void setLabelSmoothing(double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    public double labelSmoothing() {
        return labelSmoothing;
    }

    /** Every trainable tensor except the auxiliary head's, in a stable order. */
    public List<Param> mainParameters() {
        List<Param> sink = new ArrayList<>();
        stem.stem0().collectParameters(sink);
        if (!stem.single()) {
            stem.stem1().collectParameters(sink);
        }
        cells.forEach(c -> c.collectParameters(sink));
        classifier.collectParameters(sink);
        return sink;
    }

    /** Every trainable tensor, auxiliary head last. */
    public List<Param> parameters() {
        List<Param> sink = mainParameters();
        if (auxiliary != null) {
            auxiliary.collectParameters(sink);
        }
        return sink;
    }

    /**
     * Every trainable tensor the network owns, as optimizers and checkpoints see it. Target networks: {@link
     * #parameters()}; the one-stage super-net adds the ops outside the current supports.
     */
    protected List<Param> allParameters() {
        return parameters();
    }

    /** Every non-trainable state tensor (BN running statistics) the network owns, for checkpoints. */
    protected List<INDArray> allBuffers() {
        return buffers();
    }

    protected List<INDArray> buffers() {
        List<INDArray> sink = new ArrayList<>();
        stem.stem0().collectBuffers(sink);
        if (!stem.single()) {
            stem.stem1().collectBuffers(sink);
        }
        cells.forEach(c -> c.collectBuffers(sink));
        if (auxiliary != null) {
            auxiliary.collectBuffers(sink);
        }
        return sink;
    }

    @Override
    public ParameterGroup weights() {
        return new ParamGroup(this::allParameters);
    }

    @Override
    public long parameterCount() {
        return mainParameters().stream().mapToLong(Param::size).sum();
    }

    /** The batch as an NCHW tensor of this network's type. */
    public INDArray tensor(Batch batch) {
        Objects.requireNonNull(batch, "batch is null");
        if (!batch.shape().equals(inputShape)) {
            throw new IllegalArgumentException("network expects images of " + inputShape + ", got " + batch.shape());
        }
        INDArray x = Nd4j.create(batch.images(), new long[] {batch.size(), inputShape.channels(),
                inputShape.height(), inputShape.width()}, 'c');
        return dataType == DataType.FLOAT ? x : x.castTo(dataType);
    }

    /** Logits of the main head and (in training, when there is a head) of the auxiliary head. */
    public record Logits(INDArray main, INDArray auxiliary) {
    }

    /** Forward pass of an NCHW tensor. */
    public Logits forward(INDArray x, boolean training) {
        beforeForward(training);
        if (training) {
            step++;
        }
        if (x.size(0) != lastBatchSize) {
            // Pooled buffers of the old batch size would never be taken again (a smaller last batch, test batches):
            // free them, so the process holds one set of buffers, not one per batch size seen.
            Buffers.clearPool();
            lastBatchSize = x.size(0);
        }
        INDArray s0 = stem.stem0().forward(x, training);
        INDArray s1 = stem.single() ? s0 : stem.stem1().forward(s0, training);
        INDArray aux = null;
        for (int i = 0; i < cells.size(); i++) {
            INDArray out = cells.get(i).forward(s0, s1, training, dropPathProbability, Seeds.mix(seed, step, i));
            s0 = s1;
            s1 = out;
            if (i == auxiliaryCell && training && auxiliary != null) {
                aux = auxiliary.forward(out, true);
            }
            releaseConsumedInput(i, training);
        }
        INDArray main = classifier.forward(pooling.forward(s1, training), training);
        return new Logits(main, aux);
    }

    /**
     * Cell i was the last reader of the output of cell i - 2 (its preprocess0) and, for i = 1, of the stem's: such
     * an output goes back to the pool when none of its readers needs it in the backward pass (DARTS's
     * preprocessing and auxiliary head start with a ReLU, which reads its own output), as PyTorch frees it.
     */
    private void releaseConsumedInput(int i, boolean training) {
        if (i >= 2) {
            int producer = i - 2;
            boolean auxReads = producer == auxiliaryCell && training && auxiliary != null
                    && auxiliary.backwardReadsInput();
            if (!auxReads && !cells.get(i).backwardReadsInput(0) && !cells.get(i - 1).backwardReadsInput(1)) {
                cells.get(producer).releaseOutput();
            }
        } else if (i == 0 && !stem.single()) {
            // ImageNet: stem0 feeds stem1 and input 0 of cell 0
            if (!stem.stem1().backwardReadsInput() && !cells.get(0).backwardReadsInput(0)) {
                stem.stem0().releaseOutput();
            }
        } else if (i == 1) {
            // stem: a single stem feeds both inputs of cell 0 and input 0 of cell 1; stem1 feeds those two
            boolean read = cells.get(1).backwardReadsInput(0) || cells.get(0).backwardReadsInput(1)
                    || (stem.single() && cells.get(0).backwardReadsInput(0));
            if (!read) {
                (stem.single() ? stem.stem0() : stem.stem1()).releaseOutput();
            }
        }
    }

    /** Backward pass of the last training forward pass; {@code gradAuxiliary} may be null. */
    public void backward(INDArray gradMain, INDArray gradAuxiliary) {
        gradients.forEach(GradientSum::reset);
        int last = cells.size() + 1;
        gradients.get(last).add(pooling.backward(classifier.backward(gradMain)));
        classifier.releaseGradient();
        pooling.releaseGradient();
        if (gradAuxiliary != null) {
            gradients.get(auxiliaryCell + 2).add(auxiliary.backward(gradAuxiliary));
            auxiliary.releaseGradient();
        }
        for (int i = cells.size() - 1; i >= 0; i--) {
            GradientSum acc = gradients.get(i + 2);
            if (!acc.started()) {
                continue;
            }
            INDArray[] g = cells.get(i).backward(acc.get(null));
            if (g[0] != null) {
                gradients.get(i).add(g[0]);
            }
            if (g[1] != null) {
                gradients.get(i + 1).add(g[1]);
            }
            cells.get(i).releaseGradients();
            acc.recycle();
        }
        if (stem.single()) {
            if (gradients.get(1).started()) {
                gradients.get(0).add(gradients.get(1).get(null));
            }
            if (gradients.get(0).started()) {
                stem.stem0().backward(gradients.get(0).get(null));
                stem.stem0().releaseGradient();
            }
        } else {
            if (gradients.get(1).started()) {
                gradients.get(0).add(stem.stem1().backward(gradients.get(1).get(null)));
                stem.stem1().releaseGradient();
            }
            if (gradients.get(0).started()) {
                stem.stem0().backward(gradients.get(0).get(null));
                stem.stem0().releaseGradient();
            }
        }
        gradients.forEach(GradientSum::recycle);
        afterBackward();
    }

    /** Hook before each forward pass (the one-stage net refreshes z here). */
    protected void beforeForward(boolean training) {
    }

    /** Hook after each backward pass (the one-stage net turns dLoss/dz into dLoss/db here). */
    protected void afterBackward() {
    }

    /** Hook before the first parameter is cleared in a training step (the one-stage net clears b gradients). */
    protected void clearGradients() {
        allParameters().forEach(Param::clearGradient);
    }

    @Override
    public StepResult trainStep(Batch batch) {
        INDArray x = tensor(batch);
        clearGradients();
        Logits logits = forward(x, true);
        CrossEntropy.Result main = CrossEntropy.compute(logits.main(), batch.labels(), labelSmoothing, 1, true);
        double loss = main.loss();
        INDArray gradAux = null;
        if (logits.auxiliary() != null && auxiliaryWeight != 0) {
            CrossEntropy.Result aux = CrossEntropy.compute(logits.auxiliary(), batch.labels(), labelSmoothing,
                    auxiliaryWeight, true);
            loss += auxiliaryWeight * aux.loss();
            gradAux = aux.gradient();
        }
        backward(main.gradient(), gradAux);
        main.gradient().close();
        if (gradAux != null) {
            gradAux.close();
        }
        x.close();
        return new StepResult(loss, main.correct(), batch.size());
    }

    @Override
    public StepResult evaluate(Batch batch) {
        INDArray x = tensor(batch);
        Logits logits = forward(x, false);
        CrossEntropy.Result main = CrossEntropy.compute(logits.main(), batch.labels(), 0, 1, false);
        x.close();
        return new StepResult(main.loss(), main.correct(), batch.size());
    }

    @Override
    public float[][] logits(Batch batch) {
        INDArray x = tensor(batch);
        INDArray main = forward(x, false).main();
        float[][] out = new float[(int) main.size(0)][];
        INDArray asFloat = main.castTo(DataType.FLOAT);
        for (int r = 0; r < out.length; r++) {
            out[r] = asFloat.getRow(r).toFloatVector();
        }
        x.close();
        return out;
    }

    /** Writes the architecture state a subclass needs to rebuild its structure before the weights are read. */
    protected void writeStructure(DataOutputStream out) throws IOException {
    }

    protected void readStructure(DataInputStream in) throws IOException {
    }

    /** Writes the state that follows the weights (architecture variables). */
    protected void writeExtra(DataOutputStream out) throws IOException {
    }

    protected void readExtra(DataInputStream in) throws IOException {
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(STATE_MAGIC);
        out.writeInt(STATE_VERSION);
        out.writeUTF(getClass().getSimpleName());
        writeStructure(out);
        out.writeLong(step);
        List<Param> params = allParameters();
        out.writeInt(params.size());
        for (Param p : params) {
            out.writeUTF(p.name());
            writeArray(out, p.value());
        }
        List<INDArray> buffers = allBuffers();
        out.writeInt(buffers.size());
        for (INDArray b : buffers) {
            writeArray(out, b);
        }
        writeExtra(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        if (in.readInt() != STATE_MAGIC) {
            throw new IOException("not a network state (bad magic number)");
        }
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new IOException("network state version " + version + ", expected " + STATE_VERSION);
        }
        String kind = in.readUTF();
        if (!kind.equals(getClass().getSimpleName())) {
            throw new IOException("state of a " + kind + " cannot be read into a " + getClass().getSimpleName());
        }
        readStructure(in);
        step = in.readLong();
        List<Param> params = allParameters();
        int count = in.readInt();
        if (count != params.size()) {
            throw new IOException("state has " + count + " parameter tensors, this network has " + params.size());
        }
        for (Param p : params) {
            String name = in.readUTF();
            if (!name.equals(p.name())) {
                throw new IOException("state parameter '" + name + "' where this network has '" + p.name() + "'");
            }
            readArray(in, p.value(), name);
        }
        List<INDArray> buffers = allBuffers();
        int bufferCount = in.readInt();
        if (bufferCount != buffers.size()) {
            throw new IOException("state has " + bufferCount + " buffers, this network has " + buffers.size());
        }
        for (int i = 0; i < buffers.size(); i++) {
            readArray(in, buffers.get(i), "buffer " + i);
        }
        readExtra(in);
    }

    private static void writeArray(DataOutputStream out, INDArray a) throws IOException {
        double[] values = a.dup('c').data().asDouble();
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static void readArray(DataInputStream in, INDArray target, String what) throws IOException {
        int n = in.readInt();
        if (n != target.length()) {
            throw new IOException("state " + what + " has " + n + " values, expected " + target.length());
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
    }

    @Override
    public void close() {
        stem.stem0().close();
        if (!stem.single()) {
            stem.stem1().close();
        }
        cells.forEach(Cell::close);
        if (auxiliary != null) {
            auxiliary.close();
        }
        pooling.close();
        classifier.close();
        gradients.forEach(GradientSum::close);
        Buffers.clearPool();
    }
}
