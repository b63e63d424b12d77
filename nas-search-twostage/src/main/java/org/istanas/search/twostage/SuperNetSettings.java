package org.istanas.search.twostage;

/**
 * The settings two-stage ISTA-NAS and DARTS share (super-net shape, data split, weight and architecture
 * optimisers, checkpoints), so both run through the same machinery and produce comparable run folders.
 */
public interface SuperNetSettings {
    int epochs();

    int batchSize();

    int layers();

    int channels();

    int nodes();

    double trainPortion();

    int trainImages();

    boolean shuffleSplit();

    boolean augment();

    double learningRate();

    double learningRateMin();

    double momentum();

    double weightDecay();

    double gradClip();

    double archLearningRate();

    double archBeta1();

    double archBeta2();

    double archWeightDecay();

    double archInitScale();

    int checkpointEverySteps();

    int keepCheckpoints();

    int loaderWorkers();

    /** Epoch e trains at the cosine value lr(e+1), as the official loops under PyTorch 1.x. */
    boolean schedulerStepsFirst();
}
