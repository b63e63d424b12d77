package org.istanas.ops.engine.search;

import java.util.List;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.api.run.Seeds;
import org.istanas.ops.candidates.Blocks;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.FactorizedReduce;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.GradientSum;
import org.istanas.ops.engine.nn.Identity;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.ops.engine.nn.Tensors;
import org.istanas.ops.engine.nn.Zero;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DARTS search cell: two preprocessed inputs, {@code nodes} intermediate nodes each mixing candidate (input, op)
 * pairs, output = concatenation of the intermediate nodes. Every candidate op instance is built up front from its
 * own seed (key: cell, node, input, op) and kept for the lifetime of the cell, so supports can change freely;
 * only the candidates named by a {@link NodeMix} are evaluated.
 */
public final class SearchCell implements AutoCloseable {
    private final boolean reduction;
    private final int channels;
    private final int nodes;
    private final int opCount;
    private final Layer pre0;
    private final Layer pre1;
    /** [node][input][op]. */
    private final Layer[][][] ops;
    private final INDArray[] states;
    private final INDArray[] nodeOutputs;
    private final INDArray[][] opOutputs;
    private NodeMix[] mixes;
    private final int[] computed;
    private INDArray output;
    private final GradientSum[] stateGradients;
    private INDArray scaledGradient;
    private boolean releaseAfterBackward;

    /**
     * @param bnAfterParameterFree append an affine-free BN to parameter-free ops other than the identity and the
     *                             zero op (DARTS's search cells put one after the pools)
     * @param bnAfterReduceSkip    with bnAfterParameterFree, also after the stride-2 skip (FactorizedReduce)
     */
    public SearchCell(String name, DataType type, long seed, boolean reduction, boolean reductionPrev, int cpp,
                      int cp, int c, int nodes, List<CandidateOperation> operations, boolean affine,
                      boolean bnAfterParameterFree, boolean bnAfterReduceSkip) {
        this.reduction = reduction;
        this.channels = c;
        this.nodes = nodes;
        this.opCount = operations.size();
        LayerFactory preFactory = new LayerFactory(type, Seeds.derive(seed, name + ".pre"), name + ".pre");
        this.pre0 = LayerFactory.layer(reductionPrev ? Blocks.factorizedReduce(preFactory, cpp, c, affine)
                : Blocks.reluConvBn(preFactory, cpp, c, 1, 1, 0, affine));
        this.pre1 = LayerFactory.layer(Blocks.reluConvBn(preFactory, cp, c, 1, 1, 0, affine));
        this.ops = new Layer[nodes][][];
        for (int j = 0; j < nodes; j++) {
            ops[j] = new Layer[j + 2][opCount];
            for (int i = 0; i < j + 2; i++) {
                int stride = reduction && i < 2 ? 2 : 1;
                for (int o = 0; o < opCount; o++) {
                    CandidateOperation op = operations.get(o);
                    String key = name + ".node" + j + ".in" + i + "." + op.name();
                    LayerFactory f = new LayerFactory(type, Seeds.derive(seed, key), key);
                    Layer layer = LayerFactory.layer(op.build(f, new OpSpec(c, stride, affine)));
                    if (bnAfterParameterFree && op.parameterFree() && !(layer instanceof Identity)
                            && !(layer instanceof Zero)
                            && (bnAfterReduceSkip || !(layer instanceof FactorizedReduce))) {
                        layer = new Sequential(List.of(layer, new BatchNorm(key + ".bn", type, c, false, false)));
                    }
                    ops[j][i][o] = layer;
                }
            }
        }
        this.states = new INDArray[nodes + 2];
        this.nodeOutputs = new INDArray[nodes];
        this.opOutputs = new INDArray[nodes][];
        this.computed = new int[nodes];
        this.stateGradients = new GradientSum[nodes + 2];
        for (int s = 0; s < stateGradients.length; s++) {
            stateGradients[s] = new GradientSum();
        }
    }

    /**
     * Frees each op's activation and gradient buffers as soon as its backward pass is done (they are re-allocated
     * by the next forward pass). Lowers peak memory to roughly the forward activations when many ops run (dense
     * mode) at the price of re-allocating them every step.
     */
    public void setReleaseAfterBackward(boolean release) {
        this.releaseAfterBackward = release;
    }

    public boolean reduction() {
        return reduction;
    }

    public int outputChannels() {
        return nodes * channels;
    }

    /** The op instance for (node, input, op). */
    public Layer operation(int node, int input, int op) {
        return ops[node][input][op];
    }

    public INDArray forward(INDArray s0, INDArray s1, NodeMix[] nodeMixes, boolean training) {
        if (nodeMixes.length != nodes) {
            throw new IllegalArgumentException("expected " + nodes + " node mixes, got " + nodeMixes.length);
        }
        this.mixes = nodeMixes;
        states[0] = pre0.forward(s0, training);
        states[1] = pre1.forward(s1, training);
        long n = states[1].size(0);
        long h = states[1].size(2) / (reduction ? 2 : 1);
        long w = states[1].size(3) / (reduction ? 2 : 1);
        DataType type = states[1].dataType();
        output = Buffers.ensure(output, type, n, (long) nodes * channels, h, w);
        for (int j = 0; j < nodes; j++) {
            NodeMix mix = nodeMixes[j];
            nodeOutputs[j] = Buffers.ensure(nodeOutputs[j], type, n, channels, h, w);
            opOutputs[j] = new INDArray[mix.size()];
            if (mix.size() == 0) {
                nodeOutputs[j].assign(0);
            }
            for (int t = 0; t < mix.size(); t++) {
                int k = mix.candidates()[t];
                INDArray y = ops[j][k / opCount][k % opCount].forward(states[k / opCount], training);
                opOutputs[j][t] = y;
                if (t == 0) {
                    Tensors.scale(y, mix.weights()[t], nodeOutputs[j]);
                } else {
                    Tensors.axpy(mix.weights()[t], y, nodeOutputs[j]);
                }
            }
            computed[j] = mix.size();
            states[j + 2] = nodeOutputs[j];
            output.get(Tensors.channels((long) j * channels, (long) (j + 1) * channels)).assign(nodeOutputs[j]);
        }
        return output;
    }

    /** Evaluations per node in the last forward pass. */
    public int[] computedOperations() {
        return computed.clone();
    }

    /**
     * Backward pass of the last training forward pass.
     *
     * @param gradWeights receives dLoss/dweight per node and mix entry, added to what it holds ([node][t])
     * @return dLoss/ds0 and dLoss/ds1 (owned by this cell)
     */
    public INDArray[] backward(INDArray gradOutput, double[][] gradWeights) {
        for (GradientSum g : stateGradients) {
            g.reset();
        }
        for (int j = 0; j < nodes; j++) {
            stateGradients[j + 2].add(gradOutput.get(Tensors.channels((long) j * channels, (long) (j + 1) * channels)));
        }
        for (int j = nodes - 1; j >= 0; j--) {
            NodeMix mix = mixes[j];
            INDArray g = stateGradients[j + 2].get(nodeOutputs[j]);
            for (int t = 0; t < mix.size(); t++) {
                int k = mix.candidates()[t];
                int input = k / opCount;
                double weight = mix.weights()[t];
                gradWeights[j][t] += Tensors.dot(g, opOutputs[j][t]);
                INDArray gradOp = g;
                if (weight != 1) {
                    scaledGradient = Buffers.ensure(scaledGradient, g.dataType(), g.shape());
                    Tensors.scale(g, weight, scaledGradient);
                    gradOp = scaledGradient;
                }
                Layer op = ops[j][input][k % opCount];
                stateGradients[input].add(op.backward(gradOp));
                if (releaseAfterBackward) {
                    op.close();
                }
            }
        }
        INDArray g0 = pre0.backward(stateGradients[0].get(states[0]));
        INDArray g1 = pre1.backward(stateGradients[1].get(states[1]));
        return new INDArray[] {g0, g1};
    }

    /** Parameters in a stable order: preprocessing, then ops by node, input, op. */
    public void collectParameters(List<Param> sink) {
        pre0.collectParameters(sink);
        pre1.collectParameters(sink);
        forEachOp(l -> l.collectParameters(sink));
    }

    public void collectBuffers(List<INDArray> sink) {
        pre0.collectBuffers(sink);
        pre1.collectBuffers(sink);
        forEachOp(l -> l.collectBuffers(sink));
    }

    private void forEachOp(java.util.function.Consumer<Layer> action) {
        for (Layer[][] node : ops) {
            for (Layer[] input : node) {
                for (Layer op : input) {
                    action.accept(op);
                }
            }
        }
    }

    @Override
    public void close() {
        pre0.close();
        pre1.close();
        forEachOp(Layer::close);
        for (GradientSum g : stateGradients) {
            g.close();
        }
        for (int j = 0; j < nodes; j++) {
            Buffers.release(nodeOutputs[j]);
            nodeOutputs[j] = null;
        }
        Buffers.release(output);
        Buffers.release(scaledGradient);
        output = scaledGradient = null;
    }
}
