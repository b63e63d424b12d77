package org.istanas.search.twostage;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.istanas.search.toolkit.training.Check;

/**
 * Hyper-parameters of first-order DARTS (Liu et al. 2019), the baseline. Defaults are DARTS's published CIFAR-10
 * search setting; keys mean the same as in {@link TwoStageConfig}.
 *
 * @param epochs               search epochs (50)
 * @param batchSize            images per batch (64)
 * @param layers               cells (8)
 * @param channels             initial channels (16)
 * @param nodes                intermediate nodes per cell (4)
 * @param trainPortion         share of training images that train the weights (0.5)
 * @param trainImages          use only this many training images (0 = all)
 * @param shuffleSplit         shuffle before splitting
 * @param augment              crop-and-flip augmentation
 * @param learningRate         SGD learning rate (0.025)
 * @param learningRateMin      cosine floor (0.001)
 * @param momentum             SGD momentum (0.9)
 * @param weightDecay          SGD weight decay (3e-4)
 * @param gradClip             gradient-norm clip (5)
 * @param archLearningRate     Adam learning rate of the alphas (3e-4)
 * @param archBeta1            Adam beta1 (0.5)
 * @param archBeta2            Adam beta2 (0.999)
 * @param archWeightDecay      Adam weight decay (1e-3)
 * @param archInitScale        alphas start as archInitScale * N(0,1) (1e-3)
 * @param checkpointEverySteps also checkpoint every this many batches (0 = epoch ends only)
 * @param keepCheckpoints      checkpoint files retained
 * @param loaderWorkers        data loading threads
 * @param withNone             include DARTS's {@code none} (zero) operation in the search space, first in the
 *                             layout, as the official DARTS code (true); the genotype never selects it
 * @param schedulerStepsFirst  epoch e trains at the cosine value lr(e+1) ({@code scheduler.step()} at the start of
 *                             each epoch under PyTorch 1.x; true); false trains epoch e at lr(e)
 * @param bnAfterReduceSkip    append an affine-free BN also to the stride-2 skip_connect (false, as DARTS: after
 *                             the pools only)
 */
public record DartsConfig(
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batchSize") int batchSize,
        @JsonProperty("layers") int layers,
        @JsonProperty("channels") int channels,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("trainPortion") double trainPortion,
        @JsonProperty("trainImages") int trainImages,
        @JsonProperty("shuffleSplit") boolean shuffleSplit,
        @JsonProperty("augment") boolean augment,
        @JsonProperty("learningRate") double learningRate,
        @JsonProperty("learningRateMin") double learningRateMin,
        @JsonProperty("momentum") double momentum,
        @JsonProperty("weightDecay") double weightDecay,
        @JsonProperty("gradClip") double gradClip,
        @JsonProperty("archLearningRate") double archLearningRate,
        @JsonProperty("archBeta1") double archBeta1,
        @JsonProperty("archBeta2") double archBeta2,
        @JsonProperty("archWeightDecay") double archWeightDecay,
        @JsonProperty("archInitScale") double archInitScale,
        @JsonProperty("checkpointEverySteps") int checkpointEverySteps,
        @JsonProperty("keepCheckpoints") int keepCheckpoints,
        @JsonProperty("loaderWorkers") int loaderWorkers,
        @JsonProperty("withNone") boolean withNone,
        @JsonProperty("schedulerStepsFirst") boolean schedulerStepsFirst,
        @JsonProperty("bnAfterReduceSkip") boolean bnAfterReduceSkip) implements SuperNetSettings {

    /** DARTS (first order) as published. */
    public static final DartsConfig PAPER = new DartsConfig(50, 64, 8, 16, 4, 0.5, 0, false, true, 0.025, 0.001, 0.9,
            3e-4, 5.0, 3e-4, 0.5, 0.999, 1e-3, 1e-3, 0, 2, 2, true, true, false);

    public static DartsConfig defaults() {
        return PAPER;
    }

    public DartsConfig {
        Check.positive("epochs", epochs);
        Check.positive("batchSize", batchSize);
        Check.positive("layers", layers); // darts needs 3 (SearchNetworkSpec); nas-bench-201 N >= 1
        Check.positive("channels", channels);
        Check.positive("nodes", nodes);
        Check.openUnit("trainPortion", trainPortion);
        Check.nonNegative("trainImages", trainImages);
        Check.positive("learningRate", learningRate);
        Check.nonNegative("learningRateMin", learningRateMin);
        Check.unitInterval("momentum", momentum);
        Check.nonNegative("weightDecay", weightDecay);
        Check.positive("gradClip", gradClip);
        Check.positive("archLearningRate", archLearningRate);
        Check.unitInterval("archBeta1", archBeta1);
        Check.unitInterval("archBeta2", archBeta2);
        Check.nonNegative("archWeightDecay", archWeightDecay);
        Check.nonNegative("archInitScale", archInitScale);
        Check.nonNegative("checkpointEverySteps", checkpointEverySteps);
        Check.positive("keepCheckpoints", keepCheckpoints);
        Check.positive("loaderWorkers", loaderWorkers);
    }
}
