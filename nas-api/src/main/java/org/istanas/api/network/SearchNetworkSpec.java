package org.istanas.api.network;

import java.util.List;
import java.util.Objects;
import org.istanas.api.data.ImageShape;
import org.istanas.api.op.CandidateOperation;

/**
 * Shape of a super-net.
 *
 * @param input            image shape (CIFAR: 3x32x32)
 * @param classes          number of classes
 * @param channels         initial channels C (stem outputs 3C)
 * @param layers           number of cells; reductions at layers/3 and 2*layers/3
 * @param nodes            intermediate nodes per cell (4)
 * @param operations       the candidate operations, in the order that defines the layout of z (index = op)
 * @param auxiliaryWeight  weight of the auxiliary head loss (0 = no auxiliary head)
 * @param seed             seed of weight initialisation
 * @param bnAfterReduceSkip two-stage and DARTS super-nets: append the affine-free BN of parameter-free ops also to
 *                          the stride-2 skip_connect (FactorizedReduce), not only to the pools (the official search
 *                          cells: pools only); one-stage networks ignore it
 */
public record SearchNetworkSpec(ImageShape input, int classes, int channels, int layers, int nodes,
                                List<CandidateOperation> operations, double auxiliaryWeight, long seed,
                                boolean bnAfterReduceSkip) {
    public SearchNetworkSpec {
        Objects.requireNonNull(input, "input is null");
        operations = List.copyOf(operations);
        if (layers < 3) {
            throw new IllegalArgumentException("layers must be >= 3, got " + layers);
        }
    }

    /** A super-net with BN after the pools only, as the official search cells. */
    public SearchNetworkSpec(ImageShape input, int classes, int channels, int layers, int nodes,
                             List<CandidateOperation> operations, double auxiliaryWeight, long seed) {
        this(input, classes, channels, layers, nodes, operations, auxiliaryWeight, seed, false);
    }

    /** Length of z for intermediate node {@code node}: one entry per (input node, op). */
    public int candidates(int node) {
        return (node + 2) * operations.size();
    }
}
