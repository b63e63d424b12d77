package org.istanas.search.onestage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.Seeds;
import org.istanas.api.solver.SparseSolver;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.OneStageSearchNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.search.toolkit.OracleColumns;
import org.istanas.search.toolkit.SpaceCodes;
import org.istanas.search.toolkit.training.BatchStream;
import org.istanas.search.toolkit.training.Check;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.StepOutcome;
import org.istanas.search.toolkit.training.TrainingJob;

/**
 * Algorithm 2 of ISTA-NAS as the official code runs it (paper digest 1.7), as one {@link TrainingJob} whose length
 * is known only once the search ends.
 *
 * <p>Search epoch e: freeze b and release the BN affine parameters of nodes flagged at the end of e-1; fix A_S and
 * the linearisation point of every node from its last accepted code; per batch, one single-level step on the same
 * training batch (forward, L = CE + w_aux CE_aux, backward, Adam step on b, clip all gradients to norm 5, SGD step on
 * the weights) at the constant learning rate; then test-set monitoring; then, unless the epoch started with every
 * node frozen (which ends the search), recovery of the nodes still searching and the termination test.
 *
 * <p>Retrain epoch r (after the search): the architecture is fixed (every b frozen, every BN released), the learning
 * rate follows the retrain schedule and drop-path ramps up.
 *
 * <p>This class trains; {@link NodeRecovery} holds the matrices A and recovers the codes, {@link TestImages}
 * tests and compares with the folded network, {@link ArchitectureState} keeps the supports and terminations, and the
 * {@link OneStageSpace} says what the space's codes, network, parameter cap and fold are ({@code darts} cells or
 * {@code nas-bench-201}).
 */
final class OneStageJob implements TrainingJob, AutoCloseable {
    static final String KIND = "one-stage";

    private final OneStageConfig config;
    private final NetworkEngine engine;
    private final OneStageSpace space;
    private final SpaceCodes codes;
    private final OneStageSearchNetwork network;
    private final Optimizer weights;
    private final Optimizer architecture;
    private final RetrainSchedule schedule;
    private final NodeRecovery recovery;
    private final TestImages testImages;
    private final ArchitectureState state;
    private final ProgressListener listener;
    private final int[] trainIndices;
    private final BatchStream train;
    /** Nodes whose freeze/release this network instance has already applied (rebuilt after a resume). */
    private final boolean[][] applied;

    private boolean searchEnded;
    private int searchEpochs;
    /** Whether the current epoch started with every node frozen (it is the last search epoch). */
    private boolean finalSearchEpoch;
    private double lastTestAccuracy = Double.NaN;
    private double lastTestLoss = Double.NaN;
    private OracleColumns oracle = new OracleColumns(java.util.Optional.empty());

    /** A search of {@code darts} cells. */
    OneStageJob(OneStageConfig config, ImageDataset dataset, List<CandidateOperation> operations, SparseSolver solver,
                NetworkEngine engine, long seed, ProgressListener listener) {
        this(config, dataset, new DartsOneStage(config, dataset, operations, engine, seed), solver, engine, seed,
                listener);
    }

    /** A search of the space {@code space} describes; the job owns it from here on. */
    OneStageJob(OneStageConfig config, ImageDataset dataset, OneStageSpace space, SparseSolver solver,
                NetworkEngine engine, long seed, ProgressListener listener) {
        this.config = config;
        this.engine = engine;
        this.listener = listener;
        this.space = space;
        this.codes = space.codes();
        this.state = new ArchitectureState(codes, config.epsilon(), config.terminationFromEpoch());
        this.recovery = new NodeRecovery(config, codes, solver, seed);
        this.schedule = RetrainSchedule.of(config);
        this.trainIndices = firstIndices(dataset.train().size(), config.trainImages(), "trainImages");
        this.testImages = new TestImages(config, dataset,
                firstIndices(dataset.test().size(), config.testImages(), "testImages"));
        Check.batchFits(config.batchSize(), trainIndices.length, "training split ("
                + (config.trainImages() == 0 ? "all of it" : "trainImages " + config.trainImages()) + ")");
        this.network = space.createNetwork();
        try {
            network.setLabelSmoothing(config.labelSmoothing());
            this.weights = engine.sgd(network.weights(), config.learningRate(), config.momentum(), config.weightDecay(),
                    config.updateOpsOutsideSupport());
            this.architecture = engine.adam(network.architecture(), config.archLearningRate(), config.archBeta1(),
                    config.archBeta2(), config.archWeightDecay());
            this.applied = new boolean[codes.types().size()][codes.nodes()];
            Random init = new Random(Seeds.derive(seed, "b-init"));
            for (NodeRef node : state.nodes()) {
                double[] b = new double[codes.measurements(node.node(), config.projDims())];
                for (int i = 0; i < b.length; i++) {
                    b[i] = config.archInitScale() * init.nextGaussian();
                }
                network.setCompressedCode(node.type(), node.node(), b);
            }
            state.initialise(recovery.recover(network, null));
            recovery.stats().clear(); // the initial solve belongs to no epoch row (a resumed run has it too)

            long order = Seeds.derive(seed, "train-order");
            Augmentation augmentation = trainingAugmentation(config, dataset);
            this.train = new BatchStream((pass, start) -> BatchLoader.over(dataset.train(), dataset.mean(), dataset.std())
                    .indices(trainIndices).batchSize(config.batchSize()).shuffle(true).seed(order).epoch(pass)
                    .startBatch(start).dropLast(false).augmentation(augmentation).workers(config.loaderWorkers()).build(),
                    (trainIndices.length + config.batchSize() - 1) / config.batchSize());
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** Adds the benchmark's columns for the architecture derived so far to every epoch's row. */
    void useOracle(OracleColumns columns) {
        this.oracle = columns;
    }

    /** Crop/flip (or random-resized crop) with the configured colour jitter, or evaluation preprocessing, plus cutout. */
    static Augmentation trainingAugmentation(OneStageConfig config, ImageDataset dataset) {
        return config.augment()
                ? Augmentation.forTraining(dataset, config.cutout()).withColourJitter(config.jitter())
                : Augmentation.forEvaluation(dataset).withCutout(config.cutout());
    }

    static int[] firstIndices(int available, int limit, String key) {
        if (limit > available) {
            throw new IllegalArgumentException(key + " is " + limit + " but the split has only " + available + " images");
        }
        int n = limit == 0 ? available : limit;
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    OneStageSearchNetwork network() {
        return network;
    }

    ArchitectureState state() {
        return state;
    }

    boolean searchEnded() {
        return searchEnded;
    }

    int searchEpochs() {
        return searchEpochs;
    }

    double lastTestAccuracy() {
        return lastTestAccuracy;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Search epochs (the cap until the search ends) plus retrain epochs. */
    @Override
    public int epochs() {
        return (searchEnded ? searchEpochs : config.maxSearchEpochs()) + config.retrainEpochs();
    }

    @Override
    public int stepsPerEpoch() {
        return train.batchesPerPass();
    }

    @Override
    public List<String> metricColumns() {
        List<String> columns = new ArrayList<>(List.of("phase", "lr", "drop_path", "train_loss", "train_acc",
                "test_loss", "test_acc"));
        columns.addAll(oracle.columns());
        columns.addAll(List.of("searching", "accepted", "searching_nodes"));
        columns.addAll(codes.supportColumns());
        return columns;
    }

    @Override
    public List<String> codeColumns() {
        List<String> columns = new ArrayList<>(codes.codeColumns());
        columns.addAll(recovery.stats().columns());
        return columns;
    }

    @Override
    public void startEpoch(int epoch, int startStep) {
        state.freezeFlagged();
        if (!searchEnded) {
            finalSearchEpoch = state.allFrozen();
            weights.setLearningRate(config.learningRate());
            network.setDropPathProbability(0);
        } else {
            int r = epoch - searchEpochs;
            weights.setLearningRate(schedule.learningRate(r));
            network.setDropPathProbability(schedule.dropPath(r));
        }
        applyFreezes();
        for (NodeRef node : state.nodes()) {
            network.setSupport(node.type(), node.node(), recovery.matrix(node), state.support(node), state.code(node));
        }
        train.seek((long) epoch * stepsPerEpoch() + startStep);
    }

    /** Freezes b and releases the BN parameters of every frozen node this network has not been told about yet. */
    private void applyFreezes() {
        for (NodeRef node : state.nodes()) {
            int t = codes.types().indexOf(node.type());
            if (state.frozen(node) && !applied[t][node.node()]) {
                network.freezeNode(node.type(), node.node());
                network.releaseNode(node.type(), node.node());
                applied[t][node.node()] = true;
            }
        }
    }

    @Override
    public StepOutcome step(int epoch, int step) {
        Batch batch = train.next();
        StepResult result = network.trainStep(batch);
        if (Double.isFinite(result.loss())) {
            if (!searchEnded) {
                architecture.step();
            }
            if (config.clipArchitectureGradients()) {
                engine.clipGradientNorm(config.gradClip(), network.weights(), network.architecture());
            } else { // the official b is a plain list, outside model.parameters()
                engine.clipGradientNorm(config.gradClip(), network.weights());
            }
            weights.step();
        }
        return StepOutcome.of(result.loss(), result.correct(), result.size());
    }

    @Override
    public EpochResult finishEpoch(int epoch, EpochTotals totals) {
        StepResult test = testImages.test(network);
        lastTestAccuracy = test.accuracy();
        lastTestLoss = test.loss();
        boolean searching = !searchEnded;
        double accepted = Double.NaN;
        String event = "";
        if (searching) {
            if (finalSearchEpoch) {
                endSearch(epoch);
                event = "; every node terminated: search ended after "
                        + org.istanas.api.run.Counts.of(searchEpochs, "epoch");
            } else {
                ArchitectureState.Update update = state.updateArchitecture(epoch, recovery.recover(network, state),
                        space::admits);
                accepted = update.accepted() ? 1 : 0;
                if (!update.newlyFlagged().isEmpty()) {
                    event = "; terminated: " + update.newlyFlagged().stream().map(state::label)
                            .collect(Collectors.joining(" "));
                }
                if (!update.accepted()) {
                    event += "; candidate rejected (parameter cap " + config.parameterCap() + ")";
                }
                if (epoch + 1 >= config.maxSearchEpochs()) {
                    List<NodeRef> forced = state.flagAll();
                    endSearch(epoch);
                    if (!forced.isEmpty()) {
                        event += "; search-epoch cap " + config.maxSearchEpochs() + " reached, fixed without "
                                + "terminating: " + forced.stream().map(state::label).collect(Collectors.joining(" "));
                    }
                }
            }
            if (!event.isEmpty()) {
                listener.message("after epoch " + (epoch + 1) + ":" + event.substring(1));
            }
        }

        List<NodeRef> stillSearching = searchEnded ? List.of() : state.searching();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("phase", searching ? 0.0 : 1.0);
        metrics.put("lr", weights.learningRate());
        metrics.put("drop_path", searching ? 0 : schedule.dropPath(epoch - searchEpochs));
        metrics.put("train_loss", totals.meanLoss());
        metrics.put("train_acc", totals.accuracy());
        metrics.put("test_loss", test.loss());
        metrics.put("test_acc", test.accuracy());
        oracle.addTo(metrics, state.architecture());
        metrics.put("searching", (double) stillSearching.size());
        metrics.put("accepted", accepted);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("searching_nodes", stillSearching.isEmpty() ? "-"
                : stillSearching.stream().map(state::label).collect(Collectors.joining("+")));
        List<Double> codeRow = new ArrayList<>();
        for (NodeRef node : state.nodes()) {
            labels.put(state.label(node), codes.label(state.support(node)));
            for (double v : state.code(node)) {
                codeRow.add(v);
            }
        }
        codeRow.addAll(recovery.stats().row());
        recovery.stats().clear();
        String warning = recovery.stats().takeWarning();
        if (warning != null) {
            listener.message(warning);
        }
        String phase = searching ? "search, still searching: " + labels.get("searching_nodes") : "retrain";
        return new EpochResult(metrics, labels, codeRow, phase + "; genotype " + codes.line(state.architecture()));
    }

    private void endSearch(int epoch) {
        searchEnded = true;
        searchEpochs = epoch + 1;
    }

    /** Folds the super-net (z into its batch norms): the network of the found architecture. */
    Folded fold() {
        return space.fold(state);
    }

    /** The space's code layout. */
    SpaceCodes codes() {
        return codes;
    }

    /** The super-net against its folded twin on the used test images. */
    TestImages.FoldCheck compareFolded(TrainableNetwork folded) {
        return testImages.compareFolded(network, folded);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
        weights.writeState(out);
        architecture.writeState(out);
        state.write(out);
        out.writeBoolean(searchEnded);
        out.writeInt(searchEpochs);
        out.writeDouble(lastTestAccuracy);
        out.writeDouble(lastTestLoss);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        network.readState(in);
        weights.readState(in);
        architecture.readState(in);
        state.read(in);
        searchEnded = in.readBoolean();
        searchEpochs = in.readInt();
        lastTestAccuracy = in.readDouble();
        lastTestLoss = in.readDouble();
        for (boolean[] row : applied) {
            Arrays.fill(row, false);
        }
    }

    @Override
    public void close() {
        train.close();
        space.close();
        network.close();
    }
}
