package org.istanas.ops.engine.nn;

import java.util.List;
import org.istanas.api.op.OpBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A module of the engine with an explicit forward and backward pass.
 *
 * <p>Buffer contract (this is what keeps off-heap memory flat): a layer owns the arrays it returns and reuses
 * them on the next call with the same shape. The output of {@link #forward} stays valid until the next
 * {@code forward} of this layer (of a training pass: until its {@code backward}, below); the result of {@link #backward} until the next {@code backward}. Callers never
 * write into returned arrays and never close them. A layer keeps references to its input for the backward pass,
 * so callers do not modify an array they passed to {@code forward} before the matching {@code backward}.
 * A training forward output lives only until the layer's own backward pass, which hands it to the pool
 * ({@link Buffers#recycle}): in a network the readers of an output run their backward passes before its producer,
 * so freed activations serve the gradients that follow (peak memory is the forward pass's, as in PyTorch).
 * Every layer instance is evaluated at most once per forward pass.
 */
public interface Layer extends OpBlock, AutoCloseable {
    /** Computes the output; {@code training} selects batch statistics in BN (and caching for backward). */
    INDArray forward(INDArray input, boolean training);

    /**
     * Given dLoss/dOutput of the last training forward pass, sets the parameter gradients (overwriting them and
     * marking them present) and returns dLoss/dInput.
     */
    INDArray backward(INDArray gradOutput);

    /**
     * Says that the caller has consumed the result of the last {@link #backward}: its buffer goes back to the pool
     * ({@link Buffers#recycle}) for the next gradient of that shape, anywhere in the network. Optional (without it
     * the layer keeps its buffer, as before); after it the last backward result must not be read.
     */
    default void releaseGradient() {
    }

    /**
     * Whether {@link #backward} reads the array passed to the last {@link #forward} (true unless a layer says
     * otherwise). When no reader of an array needs it in the backward pass, its owner may hand it to the pool
     * right after the forward pass (cell states, cell outputs: docs/engine.md, memory).
     */
    default boolean backwardReadsInput() {
        return true;
    }

    /**
     * Says that the caller has consumed the output of the last {@link #forward} and that nobody reads it again in
     * this pass: a layer whose own backward pass does not read its output hands the buffer to the pool
     * ({@link Buffers#recycle}) and returns true; the next forward pass takes a buffer from the pool. Returns
     * false (and keeps the output) otherwise, e.g. for a ReLU, or a layer that returns its input.
     */
    default boolean releaseOutput() {
        return false;
    }

    /** Adds this layer's trainable parameters, in a stable order, to {@code sink}. */
    default void collectParameters(List<Param> sink) {
    }

    /** Adds non-trainable state that must survive a checkpoint (BN running statistics), in a stable order. */
    default void collectBuffers(List<INDArray> sink) {
    }

    /** Adds this layer and every layer inside it (depth first) to {@code sink}. */
    default void collectLayers(List<Layer> sink) {
        sink.add(this);
    }

    /** Releases the activation buffers (they are re-created on the next forward pass); parameters stay. */
    @Override
    default void close() {
    }
}
