package org.istanas.search.toolkit.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.istanas.search.toolkit.training.Check;

/**
 * Hyper-parameters of retraining a genotype (paper digest 1.8 and section 2, DARTS convention). Every value is a
 * configuration key.
 *
 * @param epochs               training epochs (600)
 * @param batchSize            images per batch (96)
 * @param layers               cells (20; reductions at layers/3 and 2*layers/3, at least 3); nas-bench-201: N,
 *                             the cells per stage
 * @param channels             initial channels (36)
 * @param learningRate         initial SGD learning rate (0.025)
 * @param learningRateMin      cosine floor (0)
 * @param momentum             SGD momentum (0.9)
 * @param weightDecay          SGD weight decay (3e-4)
 * @param gradClip             gradient-norm clip (5)
 * @param cutout               cutout square size, 0 = off (16)
 * @param augment              crop-and-flip augmentation (true)
 * @param dropPath             final drop-path probability, ramped linearly from 0 (0.2)
 * @param auxiliaryWeight      weight of the auxiliary head's loss, 0 = no head (0.4)
 * @param trainImages          use only this many training images (0 = all)
 * @param testImages           use only this many test images (0 = all)
 * @param checkpointEverySteps also checkpoint every this many batches (0 = epoch ends only)
 * @param keepCheckpoints      checkpoint files retained
 * @param loaderWorkers        data loading threads
 * @param network              {@code cifar} (3x3 stem) or {@code imagenet} (three stride-2 stem convolutions)
 * @param oneStageBn           the one-stage BN layout: an affine BN after every parameter-free op (false)
 * @param schedulerStepsFirst  epoch e trains at the cosine value lr(e+1), as tools/evaluation.py, which calls
 *                             {@code scheduler.step()} at the start of each epoch under PyTorch 1.x (true); false
 *                             trains epoch e at lr(e)
 */
public record EvaluationConfig(
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batchSize") int batchSize,
        @JsonProperty("layers") int layers,
        @JsonProperty("channels") int channels,
        @JsonProperty("learningRate") double learningRate,
        @JsonProperty("learningRateMin") double learningRateMin,
        @JsonProperty("momentum") double momentum,
        @JsonProperty("weightDecay") double weightDecay,
        @JsonProperty("gradClip") double gradClip,
        @JsonProperty("cutout") int cutout,
        @JsonProperty("augment") boolean augment,
        @JsonProperty("dropPath") double dropPath,
        @JsonProperty("auxiliaryWeight") double auxiliaryWeight,
        @JsonProperty("trainImages") int trainImages,
        @JsonProperty("testImages") int testImages,
        @JsonProperty("checkpointEverySteps") int checkpointEverySteps,
        @JsonProperty("keepCheckpoints") int keepCheckpoints,
        @JsonProperty("loaderWorkers") int loaderWorkers,
        @JsonProperty("network") String network,
        @JsonProperty("oneStageBn") boolean oneStageBn,
        @JsonProperty("schedulerStepsFirst") boolean schedulerStepsFirst) {
    /** Keys added after evaluation folders were first written, with the behaviour those folders ran with. */
    public static final java.util.Map<String, Object> LEGACY_DEFAULTS = java.util.Map.of("schedulerStepsFirst", false);


    public static final EvaluationConfig PAPER = new EvaluationConfig(600, 96, 20, 36, 0.025, 0.0, 0.9, 3e-4, 5.0, 16,
            true, 0.2, 0.4, 0, 0, 0, 2, 2);

    /** A CIFAR-layout configuration without the one-stage BN layout. */
    public EvaluationConfig(int epochs, int batchSize, int layers, int channels, double learningRate,
                            double learningRateMin, double momentum, double weightDecay, double gradClip, int cutout,
                            boolean augment, double dropPath, double auxiliaryWeight, int trainImages, int testImages,
                            int checkpointEverySteps, int keepCheckpoints, int loaderWorkers) {
        this(epochs, batchSize, layers, channels, learningRate, learningRateMin, momentum, weightDecay, gradClip, cutout,
                augment, dropPath, auxiliaryWeight, trainImages, testImages, checkpointEverySteps, keepCheckpoints,
                loaderWorkers, "cifar", false, true);
    }

    public static EvaluationConfig defaults() {
        return PAPER;
    }

    public EvaluationConfig {
        Check.positive("epochs", epochs);
        Check.positive("batchSize", batchSize);
        Check.positive("layers", layers); // darts needs 3 (TargetNetworkSpec); nas-bench-201 N >= 1
        Check.positive("channels", channels);
        Check.positive("learningRate", learningRate);
        Check.nonNegative("learningRateMin", learningRateMin);
        Check.unitInterval("momentum", momentum);
        Check.nonNegative("weightDecay", weightDecay);
        Check.positive("gradClip", gradClip);
        Check.nonNegative("cutout", cutout);
        Check.unitInterval("dropPath", dropPath);
        Check.nonNegative("auxiliaryWeight", auxiliaryWeight);
        Check.nonNegative("trainImages", trainImages);
        Check.nonNegative("testImages", testImages);
        Check.nonNegative("checkpointEverySteps", checkpointEverySteps);
        Check.positive("keepCheckpoints", keepCheckpoints);
        Check.positive("loaderWorkers", loaderWorkers);
        network = network == null ? "cifar" : network.toLowerCase(java.util.Locale.ROOT);
        if (!network.equals("cifar") && !network.equals("imagenet")) {
            throw new IllegalArgumentException("network must be 'cifar' or 'imagenet', got '" + network + "'");
        }
    }
}
