package org.istanas.ops.engine.targetnet;

import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.GradientSum;
import org.istanas.ops.engine.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A DARTS cell: the two inputs are preprocessed (ReLU-conv1x1-BN, or FactorizedReduce after a reduction), each
 * intermediate node sums its edges' weighted op outputs, and the output concatenates the {@code concat} nodes
 * along channels. State indices: 0 and 1 are the preprocessed inputs, 2.. the intermediate nodes.
 *
 * <p>The edges of a node can be replaced between passes ({@link #setEdges}), which is how the one-stage super-net
 * changes supports; target networks fix two edges per node.
 */
public final class Cell implements AutoCloseable {
    private final Layer preprocess0;
    private final Layer preprocess1;
    private final boolean reduction;
    private final int channels;
    private final List<List<Edge>> nodes;
    private final int[] concat;
    private final List<INDArray> states = new ArrayList<>();
    private final List<GradientSum> gradients = new ArrayList<>();
    private final INDArray[] sums;
    private INDArray output;

    /**
     * @param channels C: channels of every node (the output has {@code concat.length * C})
     * @param nodes    edges per intermediate node (copied; a node with no edge outputs zeros)
     * @param concat   state indices concatenated into the output
     */
    public Cell(Layer preprocess0, Layer preprocess1, boolean reduction, int channels, List<List<Edge>> nodes,
                int[] concat) {
        this.preprocess0 = Objects.requireNonNull(preprocess0, "preprocess0 is null");
        this.preprocess1 = Objects.requireNonNull(preprocess1, "preprocess1 is null");
        this.reduction = reduction;
        this.channels = channels;
        this.nodes = new ArrayList<>();
        for (int j = 0; j < nodes.size(); j++) {
            this.nodes.add(List.of());
            setEdges(j, nodes.get(j));
        }
        this.concat = concat.clone();
        for (int c : this.concat) {
            if (c < 0 || c >= nodes.size() + 2) {
                throw new IllegalArgumentException("concat node " + c + " outside 0.." + (nodes.size() + 1));
            }
        }
        this.sums = new INDArray[nodes.size()];
        for (int i = 0; i < nodes.size() + 2; i++) {
            gradients.add(new GradientSum());
        }
    }

    public boolean reduction() {
        return reduction;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int outputChannels() {
        return concat.length * channels;
    }

    /** C: channels of every node. */
    public int channels() {
        return channels;
    }

    /** State indices concatenated into the output, in order. */
    public int[] concat() {
        return concat.clone();
    }

    public Layer preprocess0() {
        return preprocess0;
    }

    public Layer preprocess1() {
        return preprocess1;
    }

    public List<Edge> edges(int node) {
        return nodes.get(node);
    }

    /** Replaces the edges of intermediate node {@code node} (0-based); their inputs must precede the node. */
    public void setEdges(int node, List<Edge> edges) {
        for (Edge e : edges) {
            if (e.input() >= node + 2) {
                throw new IllegalArgumentException("node " + node + " cannot read state " + e.input());
            }
        }
        nodes.set(node, List.copyOf(edges));
    }

    /** Parameters of the preprocessing and of every current edge, in a stable order. */
    public void collectParameters(List<Param> sink) {
        preprocess0.collectParameters(sink);
        preprocess1.collectParameters(sink);
        for (List<Edge> edges : nodes) {
            for (Edge e : edges) {
                e.op().collectParameters(sink);
            }
        }
    }

    public void collectBuffers(List<INDArray> sink) {
        preprocess0.collectBuffers(sink);
        preprocess1.collectBuffers(sink);
        for (List<Edge> edges : nodes) {
            for (Edge e : edges) {
                e.op().collectBuffers(sink);
            }
        }
    }

    /**
     * @param dropProbability drop-path probability (training only)
     * @param dropSeed        seed of this pass's drop-path masks
     */
    public INDArray forward(INDArray s0, INDArray s1, boolean training, double dropProbability, long dropSeed) {
        states.clear();
        states.add(preprocess0.forward(s0, training));
        states.add(preprocess1.forward(s1, training));
        INDArray s1p = states.get(1);
        long n = s1p.size(0);
        long h = reduction ? s1p.size(2) / 2 : s1p.size(2);
        long w = reduction ? s1p.size(3) / 2 : s1p.size(3);
        for (int j = 0; j < nodes.size(); j++) {
            List<Edge> edges = nodes.get(j);
            sums[j] = Buffers.ensure(sums[j], s1p.dataType(), n, channels, h, w);
            if (edges.isEmpty()) {
                sums[j].assign(0);
            }
            for (int e = 0; e < edges.size(); e++) {
                Edge edge = edges.get(e);
                SplittableRandom random = new SplittableRandom(Seeds.mix(dropSeed, j, e));
                INDArray y = edge.forward(states.get(edge.input()), training, dropProbability, random);
                if (!java.util.Arrays.equals(y.shape(), sums[j].shape())) {
                    throw new IllegalStateException("node " + j + " edge from state " + edge.input() + " gives "
                            + java.util.Arrays.toString(y.shape()) + ", expected "
                            + java.util.Arrays.toString(sums[j].shape()));
                }
                if (e == 0) {
                    if (edge.weight() == 1) {
                        sums[j].assign(y);
                    } else {
                        y.mul(edge.weight(), sums[j]);
                    }
                } else {
                    Tensors.axpy(edge.weight(), y, sums[j]);
                }
                edge.releaseOutput();
            }
            states.add(sums[j]);
        }
        output = Buffers.ensure(output, s1p.dataType(), n, (long) concat.length * channels, h, w);
        for (int i = 0; i < concat.length; i++) {
            output.get(slice(i)).assign(states.get(concat[i]));
        }
        releaseUnreadStates();
        return output;
    }

    /**
     * After the forward pass, the states whose readers do not need them in the backward pass go back to the pool:
     * the node sums (the cell owns them) and the preprocessed inputs (their layers own them). A DARTS_V2 normal
     * cell thus keeps none of its six states; PyTorch frees the same tensors once nothing refers to them.
     */
    private void releaseUnreadStates() {
        boolean[] read = new boolean[states.size()];
        for (List<Edge> edges : nodes) {
            for (Edge e : edges) {
                read[e.input()] |= e.backwardReadsInput();
            }
        }
        if (!read[0] && preprocess0.releaseOutput()) {
            states.set(0, null);
        }
        if (!read[1] && preprocess1.releaseOutput()) {
            states.set(1, null);
        }
        for (int j = 0; j < sums.length; j++) {
            if (!read[j + 2]) {
                Buffers.recycle(sums[j]);
                sums[j] = null;
                states.set(j + 2, null);
            }
        }
    }

    /**
     * The output of the last forward pass has been read by every consumer, none of which needs it in the backward
     * pass: it goes back to the pool (the next forward pass takes a buffer again).
     */
    public void releaseOutput() {
        Buffers.recycle(output);
        output = null;
    }

    /** Whether the backward pass of the preprocessing of input {@code k} (0 or 1) reads that input. */
    public boolean backwardReadsInput(int k) {
        return (k == 0 ? preprocess0 : preprocess1).backwardReadsInput();
    }

    private org.nd4j.linalg.indexing.INDArrayIndex[] slice(int i) {
        return new org.nd4j.linalg.indexing.INDArrayIndex[] {NDArrayIndex.all(),
                NDArrayIndex.interval((long) i * channels, (long) (i + 1) * channels), NDArrayIndex.all(),
                NDArrayIndex.all()};
    }

    /**
     * Backward pass of the last training forward pass: sets every edge's weight gradient and the parameter
     * gradients, and returns dLoss/ds0 and dLoss/ds1 (an entry is null when that input did not reach the output).
     */
    public INDArray[] backward(INDArray gradOutput) {
        gradients.forEach(GradientSum::reset);
        for (int i = 0; i < concat.length; i++) {
            gradients.get(concat[i]).add(gradOutput.get(slice(i)));
        }
        for (int j = nodes.size() - 1; j >= 0; j--) {
            GradientSum acc = gradients.get(j + 2);
            List<Edge> edges = nodes.get(j);
            if (!acc.started() || edges.isEmpty()) {
                continue;
            }
            INDArray g = acc.get(null); // started: no shape needed
            for (Edge edge : edges) {
                gradients.get(edge.input()).add(edge.backward(g));
                edge.releaseGradient();
            }
            acc.recycle();
        }
        INDArray g0 = gradients.get(0).started() ? preprocess0.backward(gradients.get(0).get(null)) : null;
        gradients.get(0).recycle();
        INDArray g1 = gradients.get(1).started() ? preprocess1.backward(gradients.get(1).get(null)) : null;
        gradients.get(1).recycle();
        // every reader of the states and the output has run its backward pass: they serve the next gradients
        for (int j = 0; j < sums.length; j++) {
            Buffers.recycle(sums[j]);
            sums[j] = null;
        }
        Buffers.recycle(output);
        output = null;
        states.clear();
        return new INDArray[] {g0, g1};
    }

    /** The caller has consumed both results of the last {@link #backward}: their buffers go back to the pool. */
    public void releaseGradients() {
        preprocess0.releaseGradient();
        preprocess1.releaseGradient();
    }

    @Override
    public void close() {
        preprocess0.close();
        preprocess1.close();
        nodes.forEach(edges -> edges.forEach(Edge::close));
        gradients.forEach(GradientSum::close);
        for (int j = 0; j < sums.length; j++) {
            Buffers.release(sums[j]);
            sums[j] = null;
        }
        Buffers.release(output);
        output = null;
        states.clear();
    }
}
