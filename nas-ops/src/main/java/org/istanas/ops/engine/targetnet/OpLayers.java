package org.istanas.ops.engine.targetnet;

import java.util.List;
import java.util.Objects;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.op.OpSpec;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.FactorizedReduce;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Sequential;

/** Builds candidate operations as engine layers, optionally ending each in a batch norm that z can fold into. */
public final class OpLayers {
    private OpLayers() {
    }

    /**
     * The batch norm whose output is the op's output (its last layer, without a fused ReLU), or null. Folding a
     * (possibly negative) weight z into it is exact: z (gamma y^ + beta) = (z gamma) y^ + z beta.
     */
    public static BatchNorm trailingBatchNorm(Layer layer) {
        Objects.requireNonNull(layer, "layer is null");
        if (layer instanceof BatchNorm bn) {
            return bn.fusedRelu() ? null : bn;
        }
        if (layer instanceof FactorizedReduce fr) {
            return trailingBatchNorm(fr.batchNorm());
        }
        if (layer instanceof Sequential seq) {
            List<Layer> layers = seq.layers();
            return layers.isEmpty() ? null : trailingBatchNorm(layers.get(layers.size() - 1));
        }
        return null;
    }

    /**
     * Builds {@code op} at {@code spec}. With {@code foldableBn}, an op whose output does not already come out
     * of a batch norm gets an affine one appended (for the paper's ops: pooling at either stride and the stride-1
     * identity, digest 1.7/1.8; stride-2 skip_connect is FactorizedReduce, which ends in BN already).
     */
    public static Layer build(CandidateOperation op, OpSpec spec, LayerFactory factory, boolean foldableBn) {
        Objects.requireNonNull(op, "op is null");
        Layer layer;
        try {
            layer = LayerFactory.layer(op.build(factory, spec));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("operation '" + op.name() + "' could not be built at " + spec
                    + ": " + e.getMessage(), e);
        }
        if (foldableBn && trailingBatchNorm(layer) == null) {
            // wrap without re-fusing: the appended BN must stay a plain affine BN
            layer = new Sequential(List.of(layer, factory.batchNorm(spec.channels(), true)));
        }
        return layer;
    }
}
