package org.istanas.ops.engine.search;

import java.util.ArrayList;
import java.util.List;
import org.istanas.api.data.Batch;
import org.istanas.api.genotype.CellType;
import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.BatchTensor;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.Conv2d;
import org.istanas.ops.engine.nn.CrossEntropy;
import org.istanas.ops.engine.nn.GlobalAvgPool;
import org.istanas.ops.engine.nn.GradientSum;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.api.network.NetworkInputs;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.StepResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DARTS search super-net body shared by the sparse (ISTA-NAS) and dense (DARTS) networks: stem (3x3 conv to
 * 3C + affine BN), {@code layers} search cells with reductions at L/3 and 2L/3, global average pooling and a
 * linear classifier, trained with cross-entropy. How nodes mix their candidates comes from the caller as
 * {@link NodeMix}es per cell type; the backward pass returns dLoss/dweight of every mix entry summed over the
 * cells of a type.
 */
public final class SearchNetworkCore implements AutoCloseable {
    private final SearchNetworkSpec spec;
    private final DataType type;
    private final Sequential stem;
    private final List<SearchCell> cells = new ArrayList<>();
    private final GlobalAvgPool pool = new GlobalAvgPool();
    private final Linear classifier;
    private final List<Param> weights = new ArrayList<>();
    private final List<INDArray> buffers = new ArrayList<>();
    private final GradientSum stemGradient = new GradientSum();
    private final List<GradientSum> cellGradients = new ArrayList<>();
    private final INDArray[] cellOutputs;
    private INDArray stemOutput;
    private INDArray input;

    public SearchNetworkCore(SearchNetworkSpec spec, DataType type, boolean bnAfterParameterFree) {
        this.spec = spec;
        this.type = type;
        if (spec.channels() < 1 || spec.nodes() < 1 || spec.classes() < 1) {
            throw new IllegalArgumentException("search network needs channels, nodes and classes >= 1, got "
                    + spec.channels() + ", " + spec.nodes() + ", " + spec.classes());
        }
        if (spec.operations().isEmpty()) {
            throw new IllegalArgumentException("a search network needs at least one candidate operation");
        }
        NetworkInputs.requireFits(spec.input(), TargetNetworkSpec.Layout.CIFAR, spec.layers()); // 3x3 stem, stride 1
        int c = spec.channels();
        int stemChannels = 3 * c;
        LayerFactory stemFactory = new LayerFactory(type, Seeds.derive(spec.seed(), "stem"), "stem");
        this.stem = new Sequential(List.of(
                new Conv2d("stem.conv", type, new java.util.SplittableRandom(Seeds.derive(spec.seed(), "stem.conv")),
                        spec.input().channels(), stemChannels, 3, 1, 1),
                stemFactory.batchNorm(stemChannels, true)));
        int cpp = stemChannels;
        int cp = stemChannels;
        int current = c;
        boolean reductionPrev = false;
        for (int i = 0; i < spec.layers(); i++) {
            boolean reduction = isReduction(i, spec.layers());
            if (reduction) {
                current *= 2;
            }
            SearchCell cell = new SearchCell("cell" + i, type, spec.seed(), reduction, reductionPrev, cpp, cp, current,
                    spec.nodes(), spec.operations(), false, bnAfterParameterFree,
                    spec.bnAfterReduceSkip());
            cells.add(cell);
            cellGradients.add(new GradientSum());
            reductionPrev = reduction;
            cpp = cp;
            cp = cell.outputChannels();
        }
        this.classifier = new LayerFactory(type, Seeds.derive(spec.seed(), "classifier"), "classifier")
                .linear(cp, spec.classes());
        this.cellOutputs = new INDArray[spec.layers()];
        stem.collectParameters(weights);
        cells.forEach(cell -> cell.collectParameters(weights));
        classifier.collectParameters(weights);
        stem.collectBuffers(buffers);
        cells.forEach(cell -> cell.collectBuffers(buffers));
    }

    public static boolean isReduction(int layer, int layers) {
        return layer == layers / 3 || layer == 2 * layers / 3;
    }

    public SearchNetworkSpec spec() {
        return spec;
    }

    public DataType dataType() {
        return type;
    }

    public List<SearchCell> cells() {
        return cells;
    }

    /** All network weights in a stable order (stem, cells, classifier). */
    public List<Param> weights() {
        return weights;
    }

    /** BN running statistics in a stable order. */
    public List<INDArray> buffers() {
        return buffers;
    }

    private INDArray input(Batch batch) {
        if (!batch.shape().equals(spec.input())) {
            throw new IllegalArgumentException("batch images are " + batch.shape() + " but the network expects "
                    + spec.input());
        }
        input = BatchTensor.fill(input, batch, type);
        return input;
    }

    /** mixes[0] for normal cells, mixes[1] for reduction cells. */
    public INDArray forward(Batch batch, NodeMix[][] mixes, boolean training) {
        stemOutput = stem.forward(input(batch), training);
        INDArray s0 = stemOutput;
        INDArray s1 = stemOutput;
        for (int i = 0; i < cells.size(); i++) {
            SearchCell cell = cells.get(i);
            INDArray out = cell.forward(s0, s1, mixes[cell.reduction() ? 1 : 0], training);
            cellOutputs[i] = out;
            s0 = s1;
            s1 = out;
        }
        return classifier.forward(pool.forward(s1, training), training);
    }

    /**
     * Forward and backward pass in training mode. Clears every weight gradient first, so weights of ops that
     * were not evaluated end with no gradient.
     *
     * @param gradWeights receives dLoss/dweight of every mix entry, [cell type][node][t], summed over cells
     */
    public StepResult trainStep(Batch batch, NodeMix[][] mixes, double[][][] gradWeights) {
        weights.forEach(Param::clearGradient);
        INDArray logits = forward(batch, mixes, true);
        CrossEntropy.Result ce = CrossEntropy.compute(logits, batch.labels(), true);
        INDArray g = pool.backward(classifier.backward(ce.gradient()));
        ce.gradient().close();
        stemGradient.reset();
        cellGradients.forEach(GradientSum::reset);
        cellGradients.get(cells.size() - 1).add(g);
        for (int i = cells.size() - 1; i >= 0; i--) {
            SearchCell cell = cells.get(i);
            INDArray[] inputs = cell.backward(cellGradients.get(i).get(cellOutputs[i]),
                    gradWeights[cell.reduction() ? 1 : 0]);
            (i >= 2 ? cellGradients.get(i - 2) : stemGradient).add(inputs[0]);
            (i >= 1 ? cellGradients.get(i - 1) : stemGradient).add(inputs[1]);
        }
        stem.backward(stemGradient.get(stemOutput));
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    public StepResult evaluate(Batch batch, NodeMix[][] mixes) {
        CrossEntropy.Result ce = CrossEntropy.compute(forward(batch, mixes, false), batch.labels(), false);
        return new StepResult(ce.loss(), ce.correct(), batch.size());
    }

    public float[][] logits(Batch batch, NodeMix[][] mixes) {
        return forward(batch, mixes, false).castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** Evaluations per [cell][node] in the last forward pass. */
    public int[][] computedOperations() {
        int[][] counts = new int[cells.size()][];
        for (int i = 0; i < cells.size(); i++) {
            counts[i] = cells.get(i).computedOperations();
        }
        return counts;
    }

    public long parameterCount() {
        return weights.stream().mapToLong(Param::size).sum();
    }

    public static int typeIndex(CellType type) {
        return type == CellType.NORMAL ? 0 : 1;
    }

    @Override
    public void close() {
        stem.close();
        cells.forEach(SearchCell::close);
        pool.close();
        classifier.close();
        stemGradient.close();
        cellGradients.forEach(GradientSum::close);
        Buffers.release(input);
        input = null;
    }
}
