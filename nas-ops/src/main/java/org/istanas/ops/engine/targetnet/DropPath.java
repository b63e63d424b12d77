package org.istanas.ops.engine.targetnet;

import java.util.SplittableRandom;
import org.istanas.ops.engine.nn.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DARTS {@code drop_path}: in training, each sample's whole op output is kept with probability 1 - p and then
 * scaled by 1 / (1 - p), or zeroed. The mask of the last forward pass is reused by the backward pass.
 *
 * <p>Nothing is allocated per step: the mask is one reused [N, 1] array, the output is masked in place (the ops'
 * backward passes read their inputs, never their outputs, and an op's output has no other reader), and the
 * gradient comes from the shared pool and goes back to it ({@link #releaseGradient}).
 */
public final class DropPath implements AutoCloseable {
    private INDArray mask;
    private INDArray copy;
    private INDArray gradInput;
    private boolean active;

    /**
     * Returns {@code x} unchanged when {@code probability} is 0, else {@code x} masked in place. {@code input} is
     * the op's input: when {@code x} shares its data (an op that passes its input through), a masked copy owned by
     * this object is returned instead. The mask entries come from {@code random}, one Bernoulli draw per sample.
     */
    public INDArray forward(INDArray x, INDArray input, double probability, SplittableRandom random) {
        active = probability > 0;
        if (!active) {
            return x;
        }
        if (probability >= 1) {
            throw new IllegalArgumentException("drop-path probability must be < 1, got " + probability);
        }
        int n = (int) x.size(0);
        double keep = 1 - probability;
        mask = Buffers.ensure(mask, x.dataType(), n, 1);
        for (int i = 0; i < n; i++) {
            mask.putScalar(i, random.nextDouble() < keep ? 1 / keep : 0);
        }
        INDArray target = x;
        if (Buffers.sharesData(x, input) || !Buffers.isDense(x)) {
            copy = Buffers.ensure(copy, x.dataType(), x.shape());
            copy.assign(x);
            target = copy;
        }
        target.reshape('c', n, x.length() / n).muliColumnVector(mask);
        return target;
    }

    /** If {@code output} is this object's masked copy, hands it to the pool and returns true. */
    boolean releaseCopy(INDArray output) {
        if (copy == null || output != copy) {
            return false;
        }
        Buffers.recycle(copy);
        copy = null;
        return true;
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

    /** The op's backward pass has consumed the last {@link #backward} result: its buffer goes back to the pool. */
    public void releaseGradient() {
        Buffers.recycle(gradInput);
        gradInput = null;
    }

    @Override
    public void close() {
        Buffers.release(mask);
        Buffers.release(copy);
        Buffers.release(gradInput);
        mask = copy = gradInput = null;
    }
}
