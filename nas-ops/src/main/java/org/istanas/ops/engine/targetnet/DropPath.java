package org.istanas.ops.engine.targetnet;

import java.util.SplittableRandom;
import org.istanas.ops.engine.nn.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DARTS {@code drop_path}: in training, each sample's whole op output is kept with probability 1 - p and then
 * scaled by 1 / (1 - p), or zeroed. The mask of the last forward pass is reused by the backward pass.
 */
public final class DropPath implements AutoCloseable {
    private INDArray mask;
    private INDArray output;
    private INDArray gradInput;
    private boolean active;

    /**
     * Returns {@code x} unchanged when {@code probability} is 0, else a masked copy (owned by this object).
     * The mask entries come from {@code random}, one Bernoulli draw per sample.
     */
    public INDArray forward(INDArray x, double probability, SplittableRandom random) {
        active = probability > 0;
        if (!active) {
            return x;
        }
        if (probability >= 1) {
            throw new IllegalArgumentException("drop-path probability must be < 1, got " + probability);
        }
        int n = (int) x.size(0);
        double keep = 1 - probability;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble() < keep ? 1 / keep : 0;
        }
        Buffers.release(mask);
        mask = Nd4j.create(values, new long[] {n, 1}, 'c').castTo(x.dataType());
        output = Buffers.ensure(output, x.dataType(), x.shape());
        output.assign(x);
        output.reshape('c', n, x.length() / n).muliColumnVector(mask);
        return output;
    }

    /** Per-sample factors of the last forward pass (0 or 1 / keep); null when it was inactive. */
    public double[] lastMask() {
        return active ? mask.toDoubleVector() : null;
    }

    public INDArray backward(INDArray gradOutput) {
        if (!active) {
            return gradOutput;
        }
        gradInput = Buffers.ensure(gradInput, gradOutput.dataType(), gradOutput.shape());
        gradInput.assign(gradOutput);
        long n = gradOutput.size(0);
        gradInput.reshape('c', n, gradOutput.length() / n).muliColumnVector(mask);
        return gradInput;
    }

    @Override
    public void close() {
        Buffers.release(mask);
        Buffers.release(output);
        Buffers.release(gradInput);
        mask = output = gradInput = null;
    }
}
