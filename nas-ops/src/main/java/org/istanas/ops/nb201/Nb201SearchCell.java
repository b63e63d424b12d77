package org.istanas.ops.nb201;

import java.util.List;
import org.istanas.api.run.Seeds;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.GradientSum;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Tensors;
import org.istanas.ops.engine.search.NodeMix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A NAS-Bench-201 search cell: node 0 is the input, intermediate node j (1..3) = Σ_t w_t · op_{k_t}(node of k_t)
 * over the candidates of its {@link NodeMix} (candidate k of node j = source node {@code k / ops}, op
 * {@code k % ops}); node 3 is the output. Every (edge, op) instance exists from the start, built from its own seed,
 * with affine-free BN as in the official one-shot code; only the mix's candidates are evaluated.
 */
final class Nb201SearchCell implements AutoCloseable {
    private static final int NODES = 4;
    private final int opCount;
    /** [target node][source][op]. */
    private final Layer[][][] ops = new Layer[NODES][][];
    private final INDArray[] nodes = new INDArray[NODES];
    private final INDArray[] sums = new INDArray[NODES];
    private final INDArray[][] opOutputs = new INDArray[NODES][];
    private final GradientSum[] nodeGrads = new GradientSum[NODES];
    private final int[] computed = new int[NODES - 1];
    private NodeMix[] mixes;
    private INDArray scaledGradient;

    /** Builds the layer of one candidate operation of an edge. */
    @FunctionalInterface
    interface CandidateLayers {
        Layer build(String op, int channels, LayerFactory factory);
    }

    /** A cell of the two-stage super-net: {@link #searchOperation}s, affine-free BN. */
    Nb201SearchCell(String name, DataType type, long seed, int channels, List<String> operations) {
        this(name, type, seed, channels, operations, Nb201SearchCell::searchOperation);
    }

    /** @param layers builds each (edge, op) instance, from a factory seeded by its position */
    Nb201SearchCell(String name, DataType type, long seed, int channels, List<String> operations,
                    CandidateLayers layers) {
        this.opCount = operations.size();
        for (int j = 1; j < NODES; j++) {
            ops[j] = new Layer[j][opCount];
            for (int i = 0; i < j; i++) {
                for (int o = 0; o < opCount; o++) {
                    String key = name + ".edge" + i + "to" + j + "." + operations.get(o);
                    ops[j][i][o] = layers.build(operations.get(o), channels,
                            new LayerFactory(type, Seeds.derive(seed, key), key));
                }
            }
        }
        for (int n = 0; n < NODES; n++) {
            nodeGrads[n] = new GradientSum();
        }
    }

    /** The official one-shot operations: as stand-alone, but every BN is affine-free. */
    static Layer searchOperation(String op, int channels, LayerFactory factory) {
        return switch (op) {
            case "skip_connect" -> factory.identity();
            case "nor_conv_1x1" -> factory.sequence(factory.relu(), factory.conv(channels, channels, 1, 1, 0, 1),
                    factory.batchNorm(channels, false));
            case "nor_conv_3x3" -> factory.sequence(factory.relu(), factory.conv(channels, channels, 3, 1, 1, 1),
                    factory.batchNorm(channels, false));
            case "avg_pool_3x3" -> factory.avgPool(3, 1, 1, false);
            case "none" -> throw new IllegalArgumentException("'none' is not a candidate of the ISTA-NAS "
                    + "nas-bench-201 search (docs/spaces.md: one op per edge, none excluded)");
            default -> throw new IllegalArgumentException("unknown nas-bench-201 operation '" + op + "'; known: "
                    + org.istanas.api.space.nb201.Nb201Cell.OPERATIONS);
        };
    }

    /** @param nodeMixes mixes of nodes 1, 2, 3 */
    INDArray forward(INDArray x, NodeMix[] nodeMixes, boolean training) {
        if (nodeMixes.length != NODES - 1) {
            throw new IllegalArgumentException("expected " + (NODES - 1) + " node mixes, got " + nodeMixes.length);
        }
        this.mixes = nodeMixes;
        nodes[0] = x;
        for (int j = 1; j < NODES; j++) {
            NodeMix mix = nodeMixes[j - 1];
            sums[j] = Buffers.zeros(sums[j], x.dataType(), x.shape());
            opOutputs[j] = new INDArray[mix.size()];
            for (int t = 0; t < mix.size(); t++) {
                int k = mix.candidates()[t];
                INDArray y = ops[j][k / opCount][k % opCount].forward(nodes[k / opCount], training);
                opOutputs[j][t] = y;
                Tensors.axpy(mix.weights()[t], y, sums[j]);
            }
            computed[j - 1] = mix.size();
            nodes[j] = sums[j];
        }
        return nodes[NODES - 1];
    }

    /**
     * @param gradWeights receives dLoss/dw per node (0-based: node j+1) and mix entry, added to what it holds
     * @return dLoss/dinput (owned by this cell)
     */
    INDArray backward(INDArray gradOutput, double[][] gradWeights) {
        for (GradientSum g : nodeGrads) {
            g.reset();
        }
        nodeGrads[NODES - 1].add(gradOutput);
        for (int j = NODES - 1; j >= 1; j--) {
            NodeMix mix = mixes[j - 1];
            if (!nodeGrads[j].started()) {
                continue;
            }
            INDArray g = nodeGrads[j].get(sums[j]);
            for (int t = 0; t < mix.size(); t++) {
                int k = mix.candidates()[t];
                double weight = mix.weights()[t];
                gradWeights[j - 1][t] += Tensors.dot(g, opOutputs[j][t]);
                INDArray gradOp = g;
                if (weight != 1) {
                    scaledGradient = Buffers.ensure(scaledGradient, g.dataType(), g.shape());
                    Tensors.scale(g, weight, scaledGradient);
                    gradOp = scaledGradient;
                }
                nodeGrads[k / opCount].add(ops[j][k / opCount][k % opCount].backward(gradOp));
            }
        }
        return nodeGrads[0].get(gradOutput);
    }

    /** The instance of op {@code op} on edge {@code source} -> {@code target} (nodes 0..3). */
    Layer op(int target, int source, int op) {
        return ops[target][source][op];
    }

    int[] computedOperations() {
        return computed.clone();
    }

    void collectParameters(List<Param> sink) {
        forEachOp(l -> l.collectParameters(sink));
    }

    void collectBuffers(List<INDArray> sink) {
        forEachOp(l -> l.collectBuffers(sink));
    }

    private void forEachOp(java.util.function.Consumer<Layer> action) {
        for (int j = 1; j < NODES; j++) {
            for (Layer[] source : ops[j]) {
                for (Layer op : source) {
                    action.accept(op);
                }
            }
        }
    }

    @Override
    public void close() {
        forEachOp(Layer::close);
        for (GradientSum g : nodeGrads) {
            g.close();
        }
        for (int n = 0; n < NODES; n++) {
            Buffers.release(sums[n]);
            sums[n] = null;
            nodes[n] = null;
        }
        Buffers.release(scaledGradient);
        scaledGradient = null;
    }
}
