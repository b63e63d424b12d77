package org.istanas.search.onestage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.Seeds;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.data.pipeline.Augmentation;

/**
 * The official code's memory guard (paper digest 5, item 12): a recovered architecture whose one-stage target
 * network has {@code parameterCap} or more parameters (auxiliary head excluded) is rejected. Counts are cached per
 * genotype, since consecutive epochs usually propose the same architecture.
 */
final class ParameterCap implements AutoCloseable {
    private final OneStageConfig config;
    private final Function<Genotype, TargetNetworkSpec> specs;
    private final NetworkEngine engine;
    private final Map<Genotype, Long> counts = new HashMap<>();

    ParameterCap(OneStageConfig config, ImageDataset dataset, List<CandidateOperation> operations, NetworkEngine engine,
                 long seed) {
        this.config = config;
        this.engine = engine;
        Map<String, CandidateOperation> byName = byName(operations);
        this.specs = genotype -> new TargetNetworkSpec(genotype, layout(config),
                Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), config.auxiliaryWeight(), true, byName,
                Seeds.derive(seed, "weights"));
    }

    static Map<String, CandidateOperation> byName(List<CandidateOperation> operations) {
        return operations.stream().collect(Collectors.toUnmodifiableMap(CandidateOperation::name, op -> op));
    }

    static TargetNetworkSpec.Layout layout(OneStageConfig config) {
        return config.network().equals(OneStageConfig.IMAGENET) ? TargetNetworkSpec.Layout.IMAGENET
                : TargetNetworkSpec.Layout.CIFAR;
    }

    /** True when there is no cap or the genotype's target network stays below it. */
    boolean admits(Genotype genotype) {
        return config.parameterCap() == 0 || parameters(genotype) < config.parameterCap();
    }

    long parameters(Genotype genotype) {
        return counts.computeIfAbsent(genotype, g -> {
            try (TargetNetwork network = engine.targetNetwork(specs.apply(g))) {
                return network.parameterCount();
            }
        });
    }

    @Override
    public void close() {
        counts.clear();
    }
}
