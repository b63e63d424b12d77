package org.istanas.ops.engine.nn;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable tensor with its gradient. {@link #hasGradient()} follows PyTorch's {@code p.grad is None}: a
 * parameter that took no part in the last backward pass (an op outside the support, a frozen BN scale) has no
 * gradient, and optimizers and gradient clipping skip it.
 */
public final class Param {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;
    private boolean hasGradient;
    private boolean trainable = true;

    public Param(String name, INDArray value) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.value = Objects.requireNonNull(value, "value is null");
        this.gradient = value.ulike();
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    /** The gradient buffer; meaningful only while {@link #hasGradient()}. */
    public INDArray gradient() {
        return gradient;
    }

    public boolean hasGradient() {
        return hasGradient;
    }

    /** Marks the gradient buffer as holding the gradient of the last backward pass. */
    public void markGradient() {
        hasGradient = trainable;
    }

    /** Forgets the gradient (PyTorch {@code zero_grad(set_to_none=True)}). */
    public void clearGradient() {
        hasGradient = false;
    }

    /** Whether backward passes produce a gradient for this parameter (frozen BN affine parameters: false). */
    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        if (!trainable) {
            hasGradient = false;
        }
    }

    public long size() {
        return value.length();
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
