package org.istanas.ops.engine.targetnet;

import org.istanas.ops.engine.nn.Tensors;
import java.util.Objects;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.Identity;
import org.istanas.ops.engine.nn.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One computed (input, op) pair of an intermediate node: the node adds {@code weight * dropPath(op(input))}.
 * Target networks use weight 1; the one-stage super-net sets z here and reads back dLoss/dz.
 */
public final class Edge implements AutoCloseable {
    private final int input;
    private final Layer op;
    private final boolean droppable;
    /** Whether the weight is a variable whose gradient the backward pass computes (it then reads the output). */
    private final boolean weighted;
    private final DropPath dropPath = new DropPath();
    private double weight = 1;
    private double weightGradient;
    private INDArray output;
    private INDArray scaledGradient;

    /** {@code droppable = false} exempts the op from drop-path (DARTS exempts a bare identity). */
    public Edge(int input, Layer op, boolean droppable) {
        this(input, op, droppable, true);
    }

    private Edge(int input, Layer op, boolean droppable, boolean weighted) {
        if (input < 0) {
            throw new IllegalArgumentException("input node must be >= 0, got " + input);
        }
        this.input = input;
        this.op = Objects.requireNonNull(op, "op is null");
        this.droppable = droppable;
        this.weighted = weighted;
    }

    /**
     * An edge whose weight is a variable (the one-stage super-net's z): drop-path on every op except a bare
     * identity, and dLoss/dweight computed in the backward pass.
     */
    public static Edge of(int input, Layer op) {
        return new Edge(input, op, !(op instanceof Identity));
    }

    /**
     * An edge of a target network: weight fixed at 1 (no weight gradient, so the output is not needed once the
     * node has summed it, {@link #releaseOutput}), drop-path on every op except a bare identity.
     */
    public static Edge fixed(int input, Layer op) {
        return new Edge(input, op, !(op instanceof Identity), false);
    }

    /** Whether the backward pass reads the edge's input (then its owner must keep it for the whole step). */
    boolean backwardReadsInput() {
        return weighted || op.backwardReadsInput();
    }

    /**
     * The node has consumed the last forward output: a fixed edge hands it to the pool when the op owns it and does
     * not read it in its backward pass (a weighted edge keeps it for dLoss/dweight).
     */
    void releaseOutput() {
        if (!weighted && output != null) {
            if (!dropPath.releaseCopy(output)) {
                op.releaseOutput();
            }
            output = null;
        }
    }

    public int input() {
        return input;
    }

    public Layer op() {
        return op;
    }

    public double weight() {
        return weight;
    }

    public void setWeight(double weight) {
        if (!weighted) {
            throw new IllegalStateException("the weight of a fixed edge is 1");
        }
        this.weight = weight;
    }

    /** dLoss/dweight of the last backward pass. */
    public double weightGradient() {
        return weightGradient;
    }

    DropPath dropPath() {
        return dropPath;
    }

    /** The op output after drop-path (before the weight). */
    INDArray forward(INDArray x, boolean training, double dropProbability, java.util.SplittableRandom random) {
        weightGradient = 0; // stays 0 if no gradient reaches this edge in the backward pass
        INDArray y = op.forward(x, training);
        output = training && droppable ? dropPath.forward(y, x, dropProbability, random)
                : dropPath.forward(y, x, 0, random);
        return output;
    }

    /** Given dLoss/dnode, sets dLoss/dweight and returns dLoss/dinput. */
    INDArray backward(INDArray gradNode) {
        weightGradient = weighted ? Tensors.dot(gradNode, output) : 0;
        INDArray g = gradNode;
        if (weight != 1) {
            scaledGradient = Buffers.ensure(scaledGradient, gradNode.dataType(), gradNode.shape());
            gradNode.mul(weight, scaledGradient);
            g = scaledGradient;
        }
        INDArray gradInput = op.backward(dropPath.backward(g));
        dropPath.releaseGradient();
        if (g == scaledGradient) {
            Buffers.recycle(scaledGradient);
            scaledGradient = null;
        }
        return gradInput;
    }

    /** The caller has consumed the result of the last {@link #backward}: its buffer goes back to the pool. */
    void releaseGradient() {
        op.releaseGradient();
    }

    @Override
    public void close() {
        op.close();
        dropPath.close();
        Buffers.release(scaledGradient);
        scaledGradient = null;
        output = null;
    }
}
