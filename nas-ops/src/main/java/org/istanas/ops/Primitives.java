package org.istanas.ops;

import java.util.List;

/** Names of candidate-operation lists. */
public final class Primitives {
    /** The seven operations of the paper, in the order that lays out z (digest 1.1). */
    public static final List<String> PAPER = List.of("max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");

    private Primitives() {
    }
}
