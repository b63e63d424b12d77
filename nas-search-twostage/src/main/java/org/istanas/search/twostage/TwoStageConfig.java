package org.istanas.search.twostage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.istanas.search.toolkit.training.Check;

/**
 * Hyper-parameters of two-stage ISTA-NAS (paper digest 1.4-1.6, section 2). Defaults are the supplementary
 * material's CIFAR-10 setting; every value is a configuration key (YAML/JSON file or {@code --set key=value}).
 *
 * @param epochs                search epochs (50)
 * @param batchSize             images per batch, for the train and the validation half alike (256)
 * @param layers                cells of the super-net (8; reductions at layers/3 and 2*layers/3); on nas-bench-201 the
 *                              cells per stage N (5: 3 stages of 5 cells)
 * @param channels              initial channels (16)
 * @param nodes                 intermediate nodes per cell (4)
 * @param sparsity              s, non-zeros of z per node (2)
 * @param projDims              m, rows of each measurement matrix A_j (7)
 * @param lambda                l1 weight of the recovery LASSO (1e-5)
 * @param matrix                distribution of A: {@code uniform} (Uniform[0,1), as the official code) or
 *                              {@code gaussian} (N(0,1/m), as compressed-sensing theory suggests)
 * @param trainPortion          share of the (used) training images that train weights; the rest trains b (0.5)
 * @param trainImages           use only this many training images (0 = all)
 * @param shuffleSplit          shuffle before splitting (false = by index, as the official code)
 * @param augment               crop-and-flip augmentation on both halves (true, as the official code)
 * @param learningRate          initial SGD learning rate of the weights (0.2)
 * @param learningRateMin       cosine floor of the learning rate (0 as the paper; the official code uses 0.001)
 * @param momentum              SGD momentum (0.9)
 * @param weightDecay           SGD weight decay (3e-4)
 * @param gradClip              joint gradient-norm clip of the weights (5)
 * @param archLearningRate      Adam learning rate of b (6e-4)
 * @param archBeta1             Adam beta1 of b (0.5)
 * @param archBeta2             Adam beta2 of b (0.999)
 * @param archWeightDecay       Adam weight decay of b (1e-3)
 * @param archInitScale         b starts as archInitScale * N(0,1) (1e-3)
 * @param solverMaxIterations   iteration cap of iterative solvers (none: the time limit is the budget)
 * @param solverTolerance       stopping tolerance of iterative solvers
 * @param solverTimeLimitMillis time limit of a node's solve (10 s)
 * @param checkpointEverySteps  checkpoint also every this many batches (0 = only at epoch ends)
 * @param keepCheckpoints       checkpoint files retained
 * @param loaderWorkers         threads decoding and augmenting batches (results do not depend on it)
 * @param clipArchitectureGradients include b's gradient (from the weight step's training batch) in the norm that
 *                              {@code gradClip} bounds (true, as the official code: b is a registered parameter)
 * @param updateOpsOutsideSupport keep applying momentum and weight decay to the weights of an op that was once in
 *                              the support after it leaves it (true, as PyTorch 1.x {@code zero_grad()} in the
 *                              official code); false freezes its weights and momentum until it re-enters
 * @param schedulerStepsFirst   epoch e trains at the cosine value lr(e+1), as the official loop that calls
 *                              {@code scheduler.step()} at the start of each epoch under PyTorch 1.x (true);
 *                              false trains epoch e at lr(e)
 * @param bnAfterReduceSkip     append an affine-free BN also to the stride-2 skip_connect (FactorizedReduce) of the
 *                              super-net (false, as the official code, which adds it after the pools only)
 * @param solverWarmStart       start each recovery at the node's last code (true); false solves from zero, as the
 *                              official code's interior-point solver does
 */
public record TwoStageConfig(
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batchSize") int batchSize,
        @JsonProperty("layers") int layers,
        @JsonProperty("channels") int channels,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("sparsity") int sparsity,
        @JsonProperty("projDims") int projDims,
        @JsonProperty("lambda") double lambda,
        @JsonProperty("matrix") String matrix,
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
        @JsonProperty("solverMaxIterations") int solverMaxIterations,
        @JsonProperty("solverTolerance") double solverTolerance,
        @JsonProperty("solverTimeLimitMillis") long solverTimeLimitMillis,
        @JsonProperty("checkpointEverySteps") int checkpointEverySteps,
        @JsonProperty("keepCheckpoints") int keepCheckpoints,
        @JsonProperty("loaderWorkers") int loaderWorkers,
        @JsonProperty("clipArchitectureGradients") boolean clipArchitectureGradients,
        @JsonProperty("updateOpsOutsideSupport") boolean updateOpsOutsideSupport,
        @JsonProperty("schedulerStepsFirst") boolean schedulerStepsFirst,
        @JsonProperty("bnAfterReduceSkip") boolean bnAfterReduceSkip,
        @JsonProperty("solverWarmStart") boolean solverWarmStart) implements SuperNetSettings {

    /**
     * The supplementary material's setting; where it is silent (clip scope, ops leaving the support, scheduler
     * timing, BN after the reduce skip) the official code's behaviour.
     */
    public static final TwoStageConfig PAPER = new TwoStageConfig(50, 256, 8, 16, 4, 2, 7, 1e-5, "uniform", 0.5, 0,
            false, true, 0.2, 0.0, 0.9, 3e-4, 5.0, 6e-4, 0.5, 0.999, 1e-3, 1e-3, Integer.MAX_VALUE, 1e-10, 10_000, 0, 2, 2,
            true, true, true, false, true);

    /** The defaults the configuration loader starts from. */
    public static TwoStageConfig defaults() {
        return PAPER;
    }

    public TwoStageConfig {
        Check.positive("epochs", epochs);
        Check.positive("batchSize", batchSize);
        Check.positive("layers", layers); // darts needs 3 (SearchNetworkSpec); nas-bench-201 N >= 1
        Check.positive("channels", channels);
        Check.positive("nodes", nodes);
        Check.positive("sparsity", sparsity);
        Check.positive("projDims", projDims);
        Check.nonNegative("lambda", lambda);
        matrix = matrix == null ? "uniform" : matrix.toLowerCase(Locale.ROOT);
        if (!matrix.equals("uniform") && !matrix.equals("gaussian")) {
            throw new IllegalArgumentException("matrix must be 'uniform' or 'gaussian', got '" + matrix + "'");
        }
        Check.openUnit("trainPortion", trainPortion);
        Check.nonNegative("trainImages", trainImages);
        Check.positive("learningRate", learningRate);
        Check.nonNegative("learningRateMin", learningRateMin);
        if (learningRateMin > learningRate) {
            throw new IllegalArgumentException("learningRateMin (" + learningRateMin + ") must not exceed learningRate ("
                    + learningRate + ")");
        }
        Check.unitInterval("momentum", momentum);
        Check.nonNegative("weightDecay", weightDecay);
        Check.positive("gradClip", gradClip);
        Check.positive("archLearningRate", archLearningRate);
        Check.unitInterval("archBeta1", archBeta1);
        Check.unitInterval("archBeta2", archBeta2);
        Check.nonNegative("archWeightDecay", archWeightDecay);
        Check.nonNegative("archInitScale", archInitScale);
        Check.positive("solverMaxIterations", solverMaxIterations);
        Check.positive("solverTolerance", solverTolerance);
        Check.positive("solverTimeLimitMillis", solverTimeLimitMillis);
        Check.nonNegative("checkpointEverySteps", checkpointEverySteps);
        Check.positive("keepCheckpoints", keepCheckpoints);
        Check.positive("loaderWorkers", loaderWorkers);
    }
}
