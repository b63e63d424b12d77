package org.istanas.api.network;

import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;

/**
 * A stand-alone network of a genotype.
 *
 * @param genotype         the cells
 * @param layout           CIFAR (3x3 stem) or IMAGENET (three stride-2 stem convolutions)
 * @param input            image shape; its sides must halve evenly through the network ({@link NetworkInputs})
 * @param classes          number of classes
 * @param channels         initial channels
 * @param layers           number of cells
 * @param auxiliaryWeight  weight of the auxiliary head loss (0 = none)
 * @param oneStageBn       append a BN to parameter-free ops (one-stage architectures)
 * @param operations       operations by name (the genotype's names resolve here)
 * @param seed             seed of weight initialisation and drop-path
 */
public record TargetNetworkSpec(Genotype genotype, Layout layout, ImageShape input, int classes, int channels,
                                int layers, double auxiliaryWeight, boolean oneStageBn,
                                Map<String, CandidateOperation> operations, long seed) {
    public enum Layout { CIFAR, IMAGENET }

    public TargetNetworkSpec {
        Objects.requireNonNull(genotype, "genotype is null");
        Objects.requireNonNull(layout, "layout is null");
        Objects.requireNonNull(input, "input is null");
        operations = Map.copyOf(operations);
        NetworkInputs.requireFits(input, layout, layers);
    }
}
