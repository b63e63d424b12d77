package org.istanas.search.twostage;

import org.istanas.search.toolkit.SpaceCodes;
import org.istanas.search.toolkit.OracleColumns;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.CellType;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.EvaluationPass;
import org.istanas.search.toolkit.training.StepOutcome;

/**
 * The bi-level loop both super-net searches run (two-stage ISTA-NAS and DARTS, both spaces): per batch an Adam step
 * on the architecture from a validation batch, then a clipped SGD step on the weights from a training batch; at
 * every epoch end super-net accuracy on the validation half and a metrics row of the same columns. A subclass says
 * what the architecture variables are: how an epoch starts, what happens after validation, each node's support and
 * code, and its own state.
 *
 * @param <N> the super-net type
 */
abstract class SuperNetJobBase<N extends TrainableNetwork> implements SuperNetJob {
    private final SuperNetSettings settings;
    final SpaceCodes codes;
    /** Cell types with codes: both DARTS types, or the one NAS-Bench-201 cell. */
    final List<CellType> types;
    final SuperNetData data;
    final NetworkEngine engine;
    final N network;
    final Optimizer weights;
    final Optimizer architecture;
    private final CosineSchedule schedule;
    private double lastValidAccuracy = Double.NaN;
    private OracleColumns oracle = new OracleColumns(Optional.empty());

    /**
     * @param network      the super-net, owned by the job from here on (closed if construction fails)
     * @param architectureGroup the network's architecture parameters (b or α), trained by Adam
     * @param weightOptimizer builds the SGD of the network's weights
     */
    SuperNetJobBase(SuperNetSettings settings, ImageDataset dataset, SpaceCodes codes, NetworkEngine engine, long seed,
                    N network, ParameterGroup architectureGroup, Function<ParameterGroup, Optimizer> weightOptimizer) {
        this.settings = settings;
        this.codes = codes;
        this.types = codes.types();
        this.engine = engine;
        this.network = network;
        try {
            this.data = new SuperNetData(dataset, settings, seed);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        this.schedule = CosineSchedule.of(settings.learningRate(), settings.learningRateMin(), settings.epochs(),
                settings.schedulerStepsFirst());
        this.weights = weightOptimizer.apply(network.weights());
        this.architecture = engine.adam(architectureGroup, settings.archLearningRate(), settings.archBeta1(),
                settings.archBeta2(), settings.archWeightDecay());
    }

    /** Called at the start of every epoch, after the learning rate is set (e.g. fixes the supports). */
    void beforeEpoch(int epoch) {
    }

    /** Clips the gradients of the weight step (the weights' norm; two-stage may count b's gradient in). */
    void clipWeightStep() {
        engine.clipGradientNorm(settings.gradClip(), network.weights());
    }

    /** Called after the validation pass of an epoch, before its row is made (e.g. recovers the codes). */
    void afterValidation() {
    }

    /** The support of node {@code node} of type index {@code type}, as metrics.csv labels it. */
    abstract int[] support(int type, int node);

    /** The code of node {@code node} of type index {@code type}, as codes.csv records it. */
    abstract double[] code(int type, int node);

    /** Values appended to the codes.csv row after the codes (e.g. solver records). */
    List<Double> extraCodeValues() {
        return List.of();
    }

    /** The progress note of an epoch, from its {@code genotype ...} line. */
    String note(String genotypeLine) {
        return genotypeLine;
    }

    void writeOwnState(DataOutputStream out) throws IOException {
    }

    void readOwnState(DataInputStream in) throws IOException {
    }

    @Override
    public final int epochs() {
        return settings.epochs();
    }

    @Override
    public final int stepsPerEpoch() {
        return data.stepsPerEpoch();
    }

    @Override
    public final List<String> metricColumns() {
        List<String> columns = new ArrayList<>(List.of("lr", "train_loss", "train_acc", "arch_loss", "valid_loss",
                "valid_acc"));
        columns.addAll(oracle.columns());
        columns.addAll(codes.supportColumns());
        return columns;
    }

    @Override
    public final void startEpoch(int epoch, int startStep) {
        weights.setLearningRate(schedule.at(epoch));
        beforeEpoch(epoch);
        data.seek(epoch, startStep);
    }

    @Override
    public final StepOutcome step(int epoch, int step) {
        StepResult arch = network.trainStep(data.valid().next());
        if (Double.isFinite(arch.loss())) {
            architecture.step();
        }
        StepResult train = network.trainStep(data.train().next());
        if (Double.isFinite(train.loss())) {
            clipWeightStep();
            weights.step();
        }
        return new StepOutcome(train.loss(), train.correct(), train.size(), arch.loss());
    }

    @Override
    public final EpochResult finishEpoch(int epoch, EpochTotals totals) {
        StepResult valid = EvaluationPass.over(data.validationPass(epoch), network::evaluate);
        lastValidAccuracy = (double) valid.correct() / valid.size();
        afterValidation();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("lr", weights.learningRate());
        metrics.put("train_loss", totals.meanLoss());
        metrics.put("train_acc", totals.accuracy());
        metrics.put("arch_loss", totals.meanExtra());
        metrics.put("valid_loss", valid.loss());
        metrics.put("valid_acc", lastValidAccuracy);
        oracle.addTo(metrics, architecture());
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> supportColumns = codes.supportColumns();
        List<Double> codeRow = new ArrayList<>();
        int c = 0;
        for (int t = 0; t < types.size(); t++) {
            for (int j = 0; j < codes.nodes(); j++) {
                labels.put(supportColumns.get(c++), codes.label(support(t, j)));
                for (double v : code(t, j)) {
                    codeRow.add(v);
                }
            }
        }
        codeRow.addAll(extraCodeValues());
        return new EpochResult(metrics, labels, codeRow, note("genotype " + codes.line(architecture())));
    }

    @Override
    public final SuperNetCellScorer scorer(int epochsTrained) {
        return new SuperNetCellScorer(this, network, data, epochsTrained);
    }

    @Override
    public final void useOracle(OracleColumns columns) {
        this.oracle = columns;
    }

    @Override
    public final double lastValidAccuracy() {
        return lastValidAccuracy;
    }

    @Override
    public final void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
        weights.writeState(out);
        architecture.writeState(out);
        out.writeDouble(lastValidAccuracy);
        writeOwnState(out);
    }

    @Override
    public final void readState(DataInputStream in) throws IOException {
        network.readState(in);
        weights.readState(in);
        architecture.readState(in);
        lastValidAccuracy = in.readDouble();
        readOwnState(in);
    }

    @Override
    public void close() {
        data.close();
        network.close();
    }
}
