package org.istanas.search.twostage;

import org.istanas.search.toolkit.SolverStats;
import org.istanas.search.toolkit.CodeLayout;
import org.istanas.search.toolkit.GenotypeLine;
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
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.StepResult;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.StepOutcome;
import org.istanas.search.toolkit.training.TrainingJob;
import org.istanas.api.solver.MeasurementMatrices;
import org.istanas.api.solver.Supports;
import org.istanas.data.pipeline.Augmentation;

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
    private final SolverStats solverStats;

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
        this.solverStats = new SolverStats(config.nodes());
        this.data = new SuperNetData(dataset, config, seed);
        this.schedule = CosineSchedule.of(config.learningRate(), config.learningRateMin(), config.epochs(),
                config.schedulerStepsFirst());
        this.network = engine.sparseSearchNetwork(new SearchNetworkSpec(
                Augmentation.networkInput(dataset), dataset.numClasses(),
                config.channels(), config.layers(), config.nodes(), operations, 0.0, Seeds.derive(seed, "weights"),
                config.bnAfterReduceSkip()));
        this.weights = engine.sgd(network.weights(), config.learningRate(), config.momentum(), config.weightDecay(),
                config.updateOpsOutsideSupport());
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
        solverStats.clear(); // every epoch end solves every node again
    }

    SparseSearchNetwork network() {
        return network;
    }

    /** A_j of a node (tests compare solvers on the problems of a real run). */
    double[][] matrix(CellType type, int node) {
        return matrices[type.ordinal()][node];
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
        List<String> columns = new ArrayList<>(layout.codeColumns());
        columns.addAll(solverStats.columns(layout));
        return columns;
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
            if (config.clipArchitectureGradients()) { // b's gradient from this training batch counts in the norm
                engine.clipGradientNorm(config.gradClip(), network.weights(), network.architecture());
            } else {
                engine.clipGradientNorm(config.gradClip(), network.weights());
            }
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
        codeRow.addAll(solverStats.row());
        return new EpochResult(metrics, labels, codeRow,
                solverStats.withWarning("genotype " + GenotypeLine.of(genotype())));
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

    /**
     * Recovers x of every node from the network's current b; {@code warm} starts the solver at the last x (unless
     * {@code solverWarmStart} is off).
     */
    private void recoverAll(boolean warm) {
        SolverLimits limits = new SolverLimits(config.solverMaxIterations(), config.solverTolerance(),
                config.solverTimeLimitMillis());
        for (CellType type : CellType.values()) {
            for (int j = 0; j < config.nodes(); j++) {
                int t = type.ordinal();
                double[] b = network.compressedCode(type, j);
                LassoProblem problem = new LassoProblem(matrices[t][j], b, config.lambda(), config.sparsity(),
                        warm && config.solverWarmStart() ? codes[t][j].clone() : null, limits);
                Recovery r = solver.solve(problem);
                solverStats.record(type, j, problem, r, solver.name());
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
