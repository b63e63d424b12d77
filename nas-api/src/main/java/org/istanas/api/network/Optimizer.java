package org.istanas.api.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Updates a {@link ParameterGroup} from its gradients. */
public interface Optimizer {
    /** One update from the current gradients. */
    void step();

    void setLearningRate(double learningRate);

    double learningRate();

    /** Writes the optimizer state (moments, step count) so a resumed run continues bit-for-bit. */
    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
