package org.istanas.ops.nb201;

import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;

/**
 * The five NAS-Bench-201 operations of a stand-alone cell, as the official {@code cell_operations.py} defines them
 * for C_in = C_out = C and stride 1: {@code nor_conv_kxk} = ReLU → Conv k×k (no bias) → BN (affine, tracked);
 * {@code avg_pool_3x3} = AvgPool 3×3, stride 1, pad 1, padding excluded from the average; {@code skip_connect}
 * = identity. {@code none} (x·0) has no layer: a cell simply leaves that edge out of its sums. In the one-stage
 * layout ({@code oneStageBn}) the parameter-free ops carry an appended affine BN, as the DARTS one-stage target
 * network does (paper digest 1.7), so that every op ends in a BN that can absorb its architecture weight z.
 */
final class Nb201Operations {
    private Nb201Operations() {
    }

    /** The layer of {@code op} on {@code channels} channels, or {@code null} for {@code none}. */
    static Layer build(String op, int channels, boolean oneStageBn, LayerFactory factory) {
        return switch (op) {
            case "none" -> null;
            case "skip_connect" -> withBn(factory.identity(), channels, oneStageBn, factory);
            case "nor_conv_1x1" -> reluConvBn(factory, channels, 1, 0);
            case "nor_conv_3x3" -> reluConvBn(factory, channels, 3, 1);
            case "avg_pool_3x3" -> withBn(factory.avgPool(3, 1, 1, false), channels, oneStageBn, factory);
            default -> throw new IllegalArgumentException("unknown nas-bench-201 operation '" + op + "'; known: "
                    + org.istanas.api.space.nb201.Nb201Cell.OPERATIONS);
        };
    }

    private static Layer withBn(Layer op, int channels, boolean oneStageBn, LayerFactory factory) {
        return oneStageBn ? factory.sequence(op, factory.batchNorm(channels, true)) : op;
    }

    static Layer reluConvBn(LayerFactory factory, int channels, int kernel, int padding) {
        return factory.sequence(factory.relu(), factory.conv(channels, channels, kernel, 1, padding, 1),
                factory.batchNorm(channels, true));
    }
}
