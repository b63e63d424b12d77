package org.istanas.search.twostage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.Seeds;
import org.istanas.api.solver.LassoProblem;
import org.istanas.api.solver.Recovery;
import org.istanas.api.solver.SolverLimits;
import org.istanas.api.solver.SparseSolver;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.ops.network.NetworkEngine;
import org.istanas.ops.network.Optimizer;
import org.istanas.ops.network.SearchNetworkSpec;
import org.istanas.ops.network.SparseSearchNetwork;
import org.istanas.ops.network.StepResult;
import org.istanas.search.twostage.training.CosineSchedule;
import org.istanas.search.twostage.training.EpochResult;
import org.istanas.search.twostage.training.EpochTotals;
import org.istanas.search.twostage.training.StepOutcome;
import org.istanas.search.twostage.training.TrainingJob;
import org.istanas.solvers.matrix.MeasurementMatrices;
import org.istanas.solvers.support.Supports;

/**
 * Algorithm 1 of ISTA-NAS as the official code runs it (paper digest 1.6). Per epoch: fix A_S and the linearisation
 * point from the last recovered code x; per batch, an Adam step on b from a validation batch, then an SGD step on the
 * weights from a training batch (gradient norm clipped); then super-net accuracy on the validation half; then
 * recover x for every node from the new b with the sparse solver (warm-started) and keep its top-s support.
 */
final class TwoStageJob implements SuperNetJob {
    static final String KIND = "two-stage";

    private final TwoStageConfig config;
    private final SparseSolver solver;
    private final CodeLayout layout;
    private final SuperNetData data;
    private final NetworkEngine engine;
    private final SparseSearchNetwork network;
    private final Optimizer weights;
    private final Optimizer architecture;
    private final CosineSchedule schedule;
    /** A[type][node]: m x n_j, drawn once. */
    private final double[][][][] matrices;
    /** Last recovered code x[type][node] (zero outside its support). */
    private final double[][][] codes;
    /** Its support, ordered (second largest |x|, largest |x|) as the genotype lists it. */
    private final int[][][] supports;
    private double lastValidAccuracy = Double.NaN;

    TwoStageJob(TwoStageConfig config, ImageDataset dataset, List<CandidateOperation> operations, SparseSolver solver,
                NetworkEngine engine, long seed) {
        this.config = config;
        this.solver = solver;
        this.engine = engine;
        this.layout = new CodeLayout(operations, config.nodes());
        for (int j = 0; j < config.nodes(); j++) {
            if (config.sparsity() > layout.candidates(j)) {
                throw new IllegalArgumentException("sparsity " + config.sparsity() + " exceeds the " + layout.candidates(j)
                        + " candidates of node " + (j + 2));
            }
        }
        this.data = new SuperNetData(dataset, config, seed);
        this.schedule = new CosineSchedule(config.learningRate(), config.learningRateMin(), config.epochs());
        this.network = engine.sparseSearchNetwork(new SearchNetworkSpec(dataset.shape(), dataset.numClasses(),
                config.channels(), config.layers(), config.nodes(), operations, 0.0, Seeds.derive(seed, "weights")));
        this.weights = engine.sgd(network.weights(), config.learningRate(), config.momentum(), config.weightDecay());
        this.architecture = engine.adam(network.architecture(), config.archLearningRate(), config.archBeta1(),
                config.archBeta2(), config.archWeightDecay());
        int types = CellType.values().length;
        this.matrices = new double[types][config.nodes()][][];
        this.codes = new double[types][config.nodes()][];
        this.supports = new int[types][config.nodes()][];
        Random init = new Random(Seeds.derive(seed, "b-init"));
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                long matrixSeed = Seeds.derive(seed, "matrix-" + CodeLayout.prefix(type) + "-" + j);
                int n = layout.candidates(j);
                matrices[type.ordinal()][j] = config.matrix().equals("gaussian")
                        ? MeasurementMatrices.gaussianNormalized(config.projDims(), n, matrixSeed)
                        : MeasurementMatrices.uniform(config.projDims(), n, matrixSeed);
                double[] b = new double[config.projDims()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = config.archInitScale() * init.nextGaussian();
                }
                network.setCompressedCode(type, j, b);
            }
        }
        recoverAll(false);
    }

    SparseSearchNetwork network() {
        return network;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public int stepsPerEpoch() {
        return data.stepsPerEpoch();
    }

    @Override
    public List<String> metricColumns() {
        List<String> columns = new ArrayList<>(List.of("lr", "train_loss", "train_acc", "arch_loss", "valid_loss",
                "valid_acc"));
        columns.addAll(layout.supportColumns());
        return columns;
    }

    @Override
    public List<String> codeColumns() {
        return layout.codeColumns();
    }

    @Override
    public void startEpoch(int epoch, int startStep) {
        weights.setLearningRate(schedule.at(epoch));
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                network.setSupport(type, j, matrices[type.ordinal()][j], supports[type.ordinal()][j],
                        codes[type.ordinal()][j]);
            }
        }
        data.seek(epoch, startStep);
    }

    @Override
    public StepOutcome step(int epoch, int step) {
        Batch validBatch = data.valid().next();
        StepResult arch = network.trainStep(validBatch);
        if (Double.isFinite(arch.loss())) {
            architecture.step();
        }
        Batch trainBatch = data.train().next();
        StepResult train = network.trainStep(trainBatch);
        if (Double.isFinite(train.loss())) {
            engine.clipGradientNorm(config.gradClip(), network.weights());
            weights.step();
        }
        return new StepOutcome(train.loss(), train.correct(), train.size(), arch.loss());
    }

    @Override
    public EpochResult finishEpoch(int epoch, EpochTotals totals) {
        double lossSum = 0;
        long correct = 0;
        long images = 0;
        try (BatchLoader pass = data.validationPass(epoch)) {
            while (pass.hasNext()) {
                StepResult r = network.evaluate(pass.next());
                lossSum += r.loss() * r.size();
                correct += r.correct();
                images += r.size();
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        lastValidAccuracy = (double) correct / images;
        recoverAll(true);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("lr", weights.learningRate());
        metrics.put("train_loss", totals.meanLoss());
        metrics.put("train_acc", totals.accuracy());
        metrics.put("arch_loss", totals.meanExtra());
        metrics.put("valid_loss", lossSum / images);
        metrics.put("valid_acc", lastValidAccuracy);
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> supportColumns = layout.supportColumns();
        List<Double> codeRow = new ArrayList<>();
        int c = 0;
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                labels.put(supportColumns.get(c++), layout.label(supports[type.ordinal()][j]));
                for (double v : codes[type.ordinal()][j]) {
                    codeRow.add(v);
                }
            }
        }
        return new EpochResult(metrics, labels, codeRow, "genotype " + GenotypeLine.of(genotype()));
    }

    /** The architecture of the current supports: per node (second largest |x|, largest |x|). */
    @Override
    public String headline() {
        return "two-stage ISTA-NAS search: " + org.istanas.api.run.Counts.of(config.epochs(), "epoch") + " of "
                + org.istanas.api.run.Counts.of(stepsPerEpoch(), "step") + ", "
                + config.layers() + " cells x " + config.channels() + " channels, s = " + config.sparsity()
                + ", solver " + solver.name();
    }

    @Override
    public Genotype genotype() {
        return layout.genotype(supports[CellType.NORMAL.ordinal()], supports[CellType.REDUCE.ordinal()]);
    }

    @Override
    public double lastValidAccuracy() {
        return lastValidAccuracy;
    }

    /** Recovers x of every node from the network's current b; {@code warm} starts the solver at the last x. */
    private void recoverAll(boolean warm) {
        SolverLimits limits = new SolverLimits(config.solverMaxIterations(), config.solverTolerance(),
                config.solverTimeLimitMillis());
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                int t = type.ordinal();
                double[] b = network.compressedCode(type, j);
                Recovery r = solver.solve(new LassoProblem(matrices[t][j], b, config.lambda(), config.sparsity(),
                        warm ? codes[t][j].clone() : null, limits));
                int[] top = Supports.topS(r.z(), config.sparsity());
                double[] x = new double[r.z().length];
                for (int k : top) {
                    x[k] = r.z()[k];
                }
                codes[t][j] = x;
                supports[t][j] = genotypeOrder(top);
            }
        }
    }

    /** topS is in descending |x|; the genotype lists each node's pair as (second largest, largest). */
    private static int[] genotypeOrder(int[] descending) {
        int[] ordered = new int[descending.length];
        for (int i = 0; i < descending.length; i++) {
            ordered[i] = descending[descending.length - 1 - i];
        }
        return ordered;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
        weights.writeState(out);
        architecture.writeState(out);
        out.writeDouble(lastValidAccuracy);
        for (int t = 0; t < codes.length; t++) {
            for (int j = 0; j < config.nodes(); j++) {
                writeDoubles(out, codes[t][j]);
                out.writeInt(supports[t][j].length);
                for (int k : supports[t][j]) {
                    out.writeInt(k);
                }
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        network.readState(in);
        weights.readState(in);
        architecture.readState(in);
        lastValidAccuracy = in.readDouble();
        for (int t = 0; t < codes.length; t++) {
            for (int j = 0; j < config.nodes(); j++) {
                double[] x = readDoubles(in);
                if (x.length != layout.candidates(j)) {
                    throw new IOException("checkpoint holds a code of length " + x.length + " for node " + (j + 2)
                            + ", the configuration needs " + layout.candidates(j));
                }
                codes[t][j] = x;
                int[] s = new int[in.readInt()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = in.readInt();
                }
                supports[t][j] = s;
            }
        }
    }

    static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    @Override
    public void close() {
        data.close();
        network.close();
    }

    @Override
    public String toString() {
        return "two-stage job " + Arrays.toString(new int[] {config.layers(), config.channels()});
    }
}
