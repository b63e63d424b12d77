package org.istanas.ops.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Accumulates the gradient of a tensor that several consumers read: the first contribution is copied. */
public final class GradientSum implements AutoCloseable {
    private INDArray sum;
    private boolean started;

    /** Starts a new backward pass. */
    public void reset() {
        started = false;
    }

    public void add(INDArray gradient) {
        add(gradient, 1);
    }

    /** sum += alpha * gradient. */
    public void add(INDArray gradient, double alpha) {
        if (!started) {
            sum = Buffers.ensure(sum, gradient.dataType(), gradient.shape());
            Tensors.scale(gradient, alpha, sum);
            started = true;
        } else {
            Tensors.axpy(alpha, gradient, sum);
        }
    }

    public boolean started() {
        return started;
    }

    /** The sum; zeros of {@code like}'s shape if nothing was added. */
    public INDArray get(INDArray like) {
        if (!started) {
            sum = Buffers.zeros(sum, like.dataType(), like.shape());
            started = true;
        }
        return sum;
    }

    /** The sum has been consumed: its buffer goes back to the pool and the next pass starts afresh. */
    public void recycle() {
        Buffers.recycle(sum);
        sum = null;
        started = false;
    }

    @Override
    public void close() {
        Buffers.release(sum);
        sum = null;
        started = false;
    }
}
