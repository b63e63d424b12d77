package org.istanas.ops.engine.search;

import java.util.Objects;

/**
 * Which candidates an intermediate node computes and how it weights them: node = sum_t weights[t] * op_{k_t}(input
 * of k_t) with k_t = candidates[t]; candidate k is (input node k / ops, op k % ops).
 */
public record NodeMix(int[] candidates, double[] weights) {
    public NodeMix {
        Objects.requireNonNull(candidates, "candidates is null");
        Objects.requireNonNull(weights, "weights is null");
        if (candidates.length != weights.length) {
            throw new IllegalArgumentException(candidates.length + " candidates but " + weights.length + " weights");
        }
    }

    public int size() {
        return candidates.length;
    }
}
