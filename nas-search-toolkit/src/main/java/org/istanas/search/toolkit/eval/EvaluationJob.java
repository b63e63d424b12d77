package org.istanas.search.toolkit.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.data.ImageSplit;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.search.toolkit.training.BatchStream;
import org.istanas.search.toolkit.training.Check;
import org.istanas.search.toolkit.training.CosineSchedule;
import org.istanas.search.toolkit.training.EpochResult;
import org.istanas.search.toolkit.training.EpochTotals;
import org.istanas.search.toolkit.training.StepOutcome;
import org.istanas.search.toolkit.training.TrainingJob;

/**
 * Retrains a stand-alone network: SGD with cosine learning rate, gradient clipping (unless 0), drop-path ramped linearly
 * (epoch / epochs * dropPath, as DARTS), cutout and the auxiliary head as configured; test accuracy after every
 * epoch.
 */
final class EvaluationJob implements TrainingJob {
    static final String KIND = "evaluate";

    private final EvaluationConfig config;
    private final ImageDataset dataset;
    private final NetworkEngine engine;
    private final TrainableNetwork network;
    private final Optimizer weights;
    private final CosineSchedule schedule;
    private final int[] trainIndices;
    private final BatchStream train;
    private double lastTestAccuracy = Double.NaN;
    private double lastTestLoss = Double.NaN;

    EvaluationJob(EvaluationConfig config, ImageDataset dataset, NetworkEngine engine, TrainableNetwork network,
                  long seed) {
        this.config = config;
        this.dataset = dataset;
        this.engine = engine;
        this.network = network;
        this.weights = engine.sgd(network.weights(), config.learningRate(), config.momentum(), config.weightDecay());
        this.schedule = CosineSchedule.of(config.learningRate(), config.learningRateMin(), config.epochs(),
                config.schedulerStepsFirst());
        this.trainIndices = firstIndices(dataset.train(), config.trainImages(), "trainImages");
        Check.batchFits(config.batchSize(), trainIndices.length, "training split ("
                + (config.trainImages() == 0 ? "all of it" : "trainImages " + config.trainImages()) + ")");
        long order = Seeds.derive(seed, "train-order");
        Augmentation augmentation = config.augment() ? Augmentation.forTraining(dataset, config.cutout()) : Augmentation.forEvaluation(dataset);
        this.train = new BatchStream((pass, start) -> BatchLoader.over(dataset.train(), dataset.mean(), dataset.std())
                .indices(trainIndices).batchSize(config.batchSize()).shuffle(true).seed(order).epoch(pass)
                .startBatch(start).dropLast(false).augmentation(augmentation).workers(config.loaderWorkers()).build(),
                (trainIndices.length + config.batchSize() - 1) / config.batchSize());
    }

    static int[] firstIndices(ImageSplit split, int limit, String key) {
        if (limit > split.size()) {
            throw new IllegalArgumentException(key + " is " + limit + " but the split has only " + split.size() + " images");
        }
        int n = limit == 0 ? split.size() : limit;
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
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
        return train.batchesPerPass();
    }

    @Override
    public List<String> metricColumns() {
        return List.of("lr", "drop_path", "train_loss", "train_acc", "test_loss", "test_acc");
    }

    @Override
    public List<String> codeColumns() {
        return List.of();
    }

    @Override
    public void startEpoch(int epoch, int startStep) {
        weights.setLearningRate(schedule.at(epoch));
        network.setDropPathProbability(dropPath(epoch));
        train.seek((long) epoch * stepsPerEpoch() + startStep);
    }

    private double dropPath(int epoch) {
        return config.dropPath() * epoch / config.epochs();
    }

    @Override
    public StepOutcome step(int epoch, int step) {
        StepResult r = network.trainStep(train.next());
        if (Double.isFinite(r.loss())) {
            if (config.gradClip() > 0) {
                engine.clipGradientNorm(config.gradClip(), network.weights());
            }
            weights.step();
        }
        return StepOutcome.of(r.loss(), r.correct(), r.size());
    }

    @Override
    public EpochResult finishEpoch(int epoch, EpochTotals totals) {
        StepResult test = Evaluation.test(network, dataset, config);
        lastTestAccuracy = test.accuracy();
        lastTestLoss = test.loss();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("lr", weights.learningRate());
        metrics.put("drop_path", dropPath(epoch));
        metrics.put("train_loss", totals.meanLoss());
        metrics.put("train_acc", totals.accuracy());
        metrics.put("test_loss", test.loss());
        metrics.put("test_acc", test.accuracy());
        return new EpochResult(metrics, Map.of(), List.of(), "");
    }

    double lastTestAccuracy() {
        return lastTestAccuracy;
    }

    double lastTestLoss() {
        return lastTestLoss;
    }

    @Override
    public String memorySizes() {
        return "a " + config.layers() + "-cell" + (network instanceof org.istanas.api.network.TargetNetwork ? "" : "-per-stage")
                + " x " + config.channels() + "-channel network at batch "
                + config.batchSize() + (config.auxiliaryWeight() > 0 ? " with the auxiliary head" : "");
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        network.writeState(out);
        weights.writeState(out);
        out.writeDouble(lastTestAccuracy);
        out.writeDouble(lastTestLoss);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        network.readState(in);
        weights.readState(in);
        lastTestAccuracy = in.readDouble();
        lastTestLoss = in.readDouble();
    }

    void closeData() {
        train.close();
    }
}
