package org.istanas.ops.nb201;

import java.util.List;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.GradientSum;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stand-alone NAS-Bench-201 cell: node 0 is the input, node j = Σ_{i<j} op_{i→j}(node i), node 3 the output.
 * {@code none} edges are left out of the sums (they add zero and pass no gradient).
 */
final class Nb201CellLayer implements Layer {
    private final Layer[] edges = new Layer[Nb201Cell.EDGES];
    private final INDArray[] nodes = new INDArray[Nb201Cell.NODES];
    /** Own output buffers of nodes 1..3 (node 0 is the caller's input). */
    private final INDArray[] sums = new INDArray[Nb201Cell.NODES];
    private final GradientSum[] nodeGrads = new GradientSum[Nb201Cell.NODES];

    Nb201CellLayer(Nb201Cell cell, int channels, LayerFactory factory) {
        this(cell, channels, false, factory);
    }

    /** @param oneStageBn whether skip_connect and avg_pool_3x3 carry an appended affine BN (one-stage layout) */
    Nb201CellLayer(Nb201Cell cell, int channels, boolean oneStageBn, LayerFactory factory) {
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            edges[e] = Nb201Operations.build(cell.op(e), channels, oneStageBn, factory);
        }
        for (int n = 0; n < Nb201Cell.NODES; n++) {
            nodeGrads[n] = new GradientSum();
        }
    }

    /** The layer of edge {@code e} (official edge order), {@code null} for {@code none}. */
    Layer edge(int e) {
        return edges[e];
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        nodes[0] = x;
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            sums[node] = Buffers.zeros(sums[node], x.dataType(), x.shape());
            INDArray sum = sums[node];
            for (int source = 0; source < node; source++) {
                Layer edge = edges[Nb201Cell.edge(source, node)];
                if (edge != null) {
                    Tensors.axpy(1, edge.forward(nodes[source], training), sum);
                }
            }
            nodes[node] = sum;
        }
        return nodes[Nb201Cell.NODES - 1];
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        for (GradientSum g : nodeGrads) {
            g.reset();
        }
        nodeGrads[Nb201Cell.NODES - 1].add(gradOutput);
        for (int node = Nb201Cell.NODES - 1; node >= 1; node--) {
            INDArray grad = nodeGrads[node].get(gradOutput);
            for (int source = 0; source < node; source++) {
                Layer edge = edges[Nb201Cell.edge(source, node)];
                if (edge != null) {
                    nodeGrads[source].add(edge.backward(grad));
                }
            }
        }
        return nodeGrads[0].get(gradOutput);
    }

    @Override
    public void collectParameters(List<Param> sink) {
        for (Layer edge : edges) {
            if (edge != null) {
                edge.collectParameters(sink);
            }
        }
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        for (Layer edge : edges) {
            if (edge != null) {
                edge.collectBuffers(sink);
            }
        }
    }

    @Override
    public void collectLayers(List<Layer> sink) {
        sink.add(this);
        for (Layer edge : edges) {
            if (edge != null) {
                edge.collectLayers(sink);
            }
        }
    }

    @Override
    public void close() {
        for (Layer edge : edges) {
            if (edge != null) {
                edge.close();
            }
        }
        for (int n = 0; n < Nb201Cell.NODES; n++) {
            Buffers.release(sums[n]);
            sums[n] = null;
            nodes[n] = null;
        }
        for (GradientSum g : nodeGrads) {
            g.close();
        }
    }
}
