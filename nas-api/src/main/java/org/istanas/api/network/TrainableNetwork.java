package org.istanas.api.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.istanas.api.data.Batch;

/** A network that can be trained and evaluated on batches. Not thread-safe. Close it to free native memory. */
public interface TrainableNetwork extends AutoCloseable {
    /**
     * Forward and backward pass in training mode (batch statistics in BN, drop-path if set). Gradients of every
     * parameter group are overwritten (not accumulated) with d(mean loss)/d(parameter).
     */
    StepResult trainStep(Batch batch);

    /** Forward pass in inference mode (running BN statistics); no gradients. */
    StepResult evaluate(Batch batch);

    /** Logits of the main head in inference mode, [batch][classes]. */
    float[][] logits(Batch batch);

    /**
     * Label smoothing of the training loss (PC-DARTS {@code CrossEntropyLabelSmooth}: target = (1 - eps) one-hot +
     * eps / classes; the ImageNet recipe uses 0.1). Networks without it accept only 0.
     */
    default void setLabelSmoothing(double epsilon) {
        if (epsilon != 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " has no label smoothing");
        }
    }

    /**
     * Drop-path probability of the non-identity ops in training mode (ramped by the trainer). Networks without
     * drop-path (NAS-Bench-201's) accept only 0.
     */
    default void setDropPathProbability(double probability) {
        if (probability != 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " has no drop-path");
        }
    }

    /** The network weights (convolutions, BN affine parameters, classifier), as SGD updates them. */
    ParameterGroup weights();

    /** Trainable parameter count as papers report it: auxiliary head excluded. */
    long parameterCount();

    /** Writes all state needed to resume: weights, BN running statistics, architecture state. */
    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;

    @Override
    void close();
}
