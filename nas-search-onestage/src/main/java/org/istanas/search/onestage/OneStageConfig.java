package org.istanas.search.onestage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.istanas.data.pipeline.ColourJitter;
import org.istanas.search.toolkit.training.Check;

/**
 * Hyper-parameters of one-stage ISTA-NAS (Algorithm 2; paper digest 1.7, section 2, supplementary material 1.3).
 * Defaults are the CIFAR-10 setting of the official code; every value is a configuration key (YAML/JSON file or
 * {@code --set key=value}).
 *
 * @param network               {@code cifar} (3x3 stem) or {@code imagenet} (three stride-2 stem convolutions); the
 *                              layout of the folded target network and of the parameter cap's candidate networks
 * @param maxSearchEpochs       cap on search epochs; when reached, nodes still searching are fixed at their last
 *                              accepted code (600, the loop bound of the official code)
 * @param retrainEpochs         epochs trained after every node terminated, architecture fixed (600)
 * @param batchSize             images per batch (96)
 * @param layers                cells (20; reductions at layers/3 and 2*layers/3, at least 3); on nas-bench-201
 *                              N, the cells per stage (5)
 * @param channels              initial channels (36)
 * @param nodes                 intermediate nodes per cell (4)
 * @param sparsity              s, non-zeros of z per node (2)
 * @param projDims              m, rows of each measurement matrix A_j (7)
 * @param lambda                l1 weight of the recovery LASSO (1e-5)
 * @param matrix                {@code uniform} (Uniform[0,1), as the official code) or {@code gaussian}
 * @param epsilon               a node terminates when its recovered code moves less than this (L2) between epochs
 *                              (1e-3)
 * @param parameterCap          reject a recovered architecture whose target network has at least this many
 *                              parameters (auxiliary head excluded); 0 = no cap (official code: 3.7M)
 * @param trainImages           use only this many training images (0 = all; no validation split either way)
 * @param testImages            use only this many test images for per-epoch monitoring and the fold check (0 = all)
 * @param augment               crop-and-flip (CIFAR) or random-resized-crop (image folders) augmentation (true)
 * @param cutout                cutout square size, 0 = off (16)
 * @param auxiliaryWeight       weight of the auxiliary head's loss, 0 = no head (0.4)
 * @param labelSmoothing        label smoothing of the cross-entropy (0; ImageNet 0.1), see docs/onestage.md
 * @param learningRate          SGD learning rate, constant during search and the start of the retrain schedule
 *                              (0.025)
 * @param learningRateMin       floor of the retrain schedule (0, as the paper; the official code uses 0.001)
 * @param retrainSchedule       {@code cosine} (CIFAR) or {@code linear} (ImageNet) decay over the retrain epochs
 * @param momentum              SGD momentum (0.9)
 * @param weightDecay           SGD weight decay (3e-4)
 * @param gradClip              joint gradient-norm clip of all parameters, b included (5)
 * @param dropPath              final drop-path probability of the retrain phase, ramped linearly from 0 (0.2);
 *                              always 0 during search
 * @param archLearningRate      Adam learning rate of b (3e-4, the official code; the paper does not state it for
 *                              CIFAR-10)
 * @param archBeta1             Adam beta1 of b (0.5)
 * @param archBeta2             Adam beta2 of b (0.999)
 * @param archWeightDecay       Adam weight decay of b (1e-3)
 * @param archInitScale         b starts as archInitScale * N(0,1) (1e-3)
 * @param solverMaxIterations   iteration cap of iterative solvers (none: the time limit is the budget)
 * @param solverTolerance       stopping tolerance of iterative solvers
 * @param solverTimeLimitMillis time limit of MIP/LP solvers per node
 * @param reevaluate            after the run, retrain the found architecture this many more times from scratch
 *                              (seeds derived from the run seed) and summarise all results (0; the paper: 4)
 * @param checkpointEverySteps  checkpoint also every this many batches (0 = only at epoch ends)
 * @param keepCheckpoints       checkpoint files retained
 * @param loaderWorkers         threads decoding and augmenting batches (results do not depend on it)
 * @param clipArchitectureGradients include the b gradients in the norm that {@code gradClip} bounds (false, as
 *                              the official code, whose b is a plain list, not registered with the module)
 * @param updateOpsOutsideSupport keep applying momentum and weight decay to the weights of an op that was once in
 *                              the support after it leaves it (true, as PyTorch 1.x {@code zero_grad()})
 * @param terminationFromEpoch  first search epoch (0-based) after which a node may be flagged (0, as the official
 *                              code; 1 = the former rule "no flag in epoch 0")
 * @param solverWarmStart       start each recovery at the node's last code (true); false solves from zero, as the
 *                              official interior-point solver
 * @param warmupEpochs          linear warm-up: retrain epoch r < warmupEpochs trains at learningRate (r+1)/warmupEpochs
 *                              (0 = none; the released ImageNet script uses 5 when the batch exceeds 256)
 * @param colourJitter          training colour jitter [brightness, contrast, saturation, hue] as torchvision's
 *                              {@code ColorJitter} ([0, 0, 0, 0] = off, every preset but {@code imagenet-official};
 *                              the released ImageNet script uses [0.4, 0.4, 0.4, 0.2]); applied only with
 *                              {@code augment}
 */
public record OneStageConfig(
        @JsonProperty("network") String network,
        @JsonProperty("maxSearchEpochs") int maxSearchEpochs,
        @JsonProperty("retrainEpochs") int retrainEpochs,
        @JsonProperty("batchSize") int batchSize,
        @JsonProperty("layers") int layers,
        @JsonProperty("channels") int channels,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("sparsity") int sparsity,
        @JsonProperty("projDims") int projDims,
        @JsonProperty("lambda") double lambda,
        @JsonProperty("matrix") String matrix,
        @JsonProperty("epsilon") double epsilon,
        @JsonProperty("parameterCap") long parameterCap,
        @JsonProperty("trainImages") int trainImages,
        @JsonProperty("testImages") int testImages,
        @JsonProperty("augment") boolean augment,
        @JsonProperty("cutout") int cutout,
        @JsonProperty("auxiliaryWeight") double auxiliaryWeight,
        @JsonProperty("labelSmoothing") double labelSmoothing,
        @JsonProperty("learningRate") double learningRate,
        @JsonProperty("learningRateMin") double learningRateMin,
        @JsonProperty("retrainSchedule") String retrainSchedule,
        @JsonProperty("momentum") double momentum,
        @JsonProperty("weightDecay") double weightDecay,
        @JsonProperty("gradClip") double gradClip,
        @JsonProperty("dropPath") double dropPath,
        @JsonProperty("archLearningRate") double archLearningRate,
        @JsonProperty("archBeta1") double archBeta1,
        @JsonProperty("archBeta2") double archBeta2,
        @JsonProperty("archWeightDecay") double archWeightDecay,
        @JsonProperty("archInitScale") double archInitScale,
        @JsonProperty("solverMaxIterations") int solverMaxIterations,
        @JsonProperty("solverTolerance") double solverTolerance,
        @JsonProperty("solverTimeLimitMillis") long solverTimeLimitMillis,
        @JsonProperty("reevaluate") int reevaluate,
        @JsonProperty("checkpointEverySteps") int checkpointEverySteps,
        @JsonProperty("keepCheckpoints") int keepCheckpoints,
        @JsonProperty("loaderWorkers") int loaderWorkers,
        @JsonProperty("clipArchitectureGradients") boolean clipArchitectureGradients,
        @JsonProperty("updateOpsOutsideSupport") boolean updateOpsOutsideSupport,
        @JsonProperty("terminationFromEpoch") int terminationFromEpoch,
        @JsonProperty("solverWarmStart") boolean solverWarmStart,
        @JsonProperty("warmupEpochs") int warmupEpochs,
        @JsonProperty("colourJitter") List<Double> colourJitter) {

    public static final String CIFAR = "cifar";
    public static final String IMAGENET = "imagenet";
    public static final String COSINE = "cosine";
    public static final String LINEAR = "linear";
    /** {@code colourJitter} off. */
    public static final List<Double> NO_JITTER = List.of(0.0, 0.0, 0.0, 0.0);
    /** {@code colourJitter} of the released ImageNet script (tools/evaluation_imagenet.py, PC-DARTS'). */
    public static final List<Double> IMAGENET_JITTER = List.of(0.4, 0.4, 0.4, 0.2);

    /** The official code's CIFAR-10 setting (tools/train_search_single.py with --cutout --auxiliary). */
    public static final OneStageConfig PAPER = new OneStageConfig(CIFAR, 600, 600, 96, 20, 36, 4, 2, 7, 1e-5,
            "uniform", 1e-3, 3_700_000, 0, 0, true, 16, 0.4, 0.0, 0.025, 0.0, COSINE, 0.9, 3e-4, 5.0, 0.2, 3e-4, 0.5,
            0.999, 1e-3, 1e-3, Integer.MAX_VALUE, 1e-10, 10_000, 0, 0, 2, 2, false, true, 0, true, 0, NO_JITTER);

    /** The defaults the configuration loader starts from. */
    public static OneStageConfig defaults() {
        return PAPER;
    }

    public OneStageConfig {
        network = lower(network, CIFAR);
        if (!network.equals(CIFAR) && !network.equals(IMAGENET)) {
            throw new IllegalArgumentException("network must be 'cifar' or 'imagenet', got '" + network + "'");
        }
        Check.positive("maxSearchEpochs", maxSearchEpochs);
        Check.nonNegative("retrainEpochs", retrainEpochs);
        Check.positive("batchSize", batchSize);
        Check.positive("layers", layers); // darts cells need 3 (DartsOneStage); nas-bench-201 N >= 1
        Check.positive("channels", channels);
        Check.positive("nodes", nodes);
        Check.positive("sparsity", sparsity);
        Check.positive("projDims", projDims);
        Check.nonNegative("lambda", lambda);
        matrix = lower(matrix, "uniform");
        if (!matrix.equals("uniform") && !matrix.equals("gaussian")) {
            throw new IllegalArgumentException("matrix must be 'uniform' or 'gaussian', got '" + matrix + "'");
        }
        Check.positive("epsilon", epsilon);
        Check.nonNegative("parameterCap", parameterCap);
        Check.nonNegative("trainImages", trainImages);
        Check.nonNegative("testImages", testImages);
        Check.nonNegative("cutout", cutout);
        Check.nonNegative("auxiliaryWeight", auxiliaryWeight);
        Check.unitInterval("labelSmoothing", labelSmoothing);
        Check.positive("learningRate", learningRate);
        Check.nonNegative("learningRateMin", learningRateMin);
        if (learningRateMin > learningRate) {
            throw new IllegalArgumentException("learningRateMin (" + learningRateMin + ") must not exceed learningRate ("
                    + learningRate + ")");
        }
        retrainSchedule = lower(retrainSchedule, COSINE);
        if (!retrainSchedule.equals(COSINE) && !retrainSchedule.equals(LINEAR)) {
            throw new IllegalArgumentException("retrainSchedule must be 'cosine' or 'linear', got '" + retrainSchedule
                    + "'");
        }
        Check.unitInterval("momentum", momentum);
        Check.nonNegative("weightDecay", weightDecay);
        Check.positive("gradClip", gradClip);
        Check.unitInterval("dropPath", dropPath);
        Check.positive("archLearningRate", archLearningRate);
        Check.unitInterval("archBeta1", archBeta1);
        Check.unitInterval("archBeta2", archBeta2);
        Check.nonNegative("archWeightDecay", archWeightDecay);
        Check.nonNegative("archInitScale", archInitScale);
        Check.positive("solverMaxIterations", solverMaxIterations);
        Check.positive("solverTolerance", solverTolerance);
        Check.positive("solverTimeLimitMillis", solverTimeLimitMillis);
        Check.nonNegative("reevaluate", reevaluate);
        Check.nonNegative("checkpointEverySteps", checkpointEverySteps);
        Check.positive("keepCheckpoints", keepCheckpoints);
        Check.positive("loaderWorkers", loaderWorkers);
        Check.nonNegative("terminationFromEpoch", terminationFromEpoch);
        Check.nonNegative("warmupEpochs", warmupEpochs);
        colourJitter = colourJitter == null ? NO_JITTER : List.copyOf(colourJitter);
        if (colourJitter.size() != 4) {
            throw new IllegalArgumentException("colourJitter must have 4 values [brightness, contrast, saturation, hue],"
                    + " got " + colourJitter);
        }
        jitter(colourJitter); // the ranges, with the value named
    }

    /** {@link #colourJitter} as the augmentation's type. */
    public ColourJitter jitter() {
        return jitter(colourJitter);
    }

    private static ColourJitter jitter(List<Double> values) {
        try {
            return new ColourJitter(values.get(0), values.get(1), values.get(2), values.get(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("colourJitter " + values + ": " + e.getMessage(), e);
        }
    }

    private static String lower(String value, String absent) {
        return value == null ? absent : value.toLowerCase(Locale.ROOT);
    }
}
