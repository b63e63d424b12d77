package org.istanas.ops.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.op.CandidateOperation;
import org.istanas.ops.OpsPlugin;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.ops.engine.targetnet.TargetNetworks;
import org.istanas.api.network.TargetNetworkSpec;
import org.istanas.api.network.TargetNetworkSpec.Layout;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Counts the trainable parameters of a genotype's target network as papers report them (the {@code params}
 * command). Builds the network's weights only; no activation is allocated.
 */
public final class ParameterCounter {
    /**
     * What to count.
     *
     * @param withAuxiliary include the auxiliary head (papers exclude it)
     */
    public record Request(Genotype genotype, Layout layout, int channels, int layers, int classes,
                          boolean oneStageBn, boolean withAuxiliary) {
        public Request {
            Objects.requireNonNull(genotype, "genotype is null");
            Objects.requireNonNull(layout, "layout is null");
        }

        /** The paper's evaluation settings: CIFAR 36 channels, 20 cells, 10 classes; ImageNet 48, 14, 1000. */
        public static Request defaults(Genotype genotype, Layout layout) {
            return layout == Layout.CIFAR ? new Request(genotype, layout, 36, 20, 10, false, false)
                    : new Request(genotype, layout, 48, 14, 1000, false, false);
        }

        public Request withChannels(int value) {
            return new Request(genotype, layout, value, layers, classes, oneStageBn, withAuxiliary);
        }

        public Request withLayers(int value) {
            return new Request(genotype, layout, channels, value, classes, oneStageBn, withAuxiliary);
        }

        public Request withClasses(int value) {
            return new Request(genotype, layout, channels, layers, value, oneStageBn, withAuxiliary);
        }

        public Request withOneStageBn(boolean value) {
            return new Request(genotype, layout, channels, layers, classes, value, withAuxiliary);
        }

        public Request withAuxiliary(boolean value) {
            return new Request(genotype, layout, channels, layers, classes, oneStageBn, value);
        }
    }

    private final Map<String, CandidateOperation> operations;

    /** Counts with the given operations (by name); plugin operations count like built-in ones. */
    public ParameterCounter(Map<String, CandidateOperation> operations) {
        this.operations = Map.copyOf(operations);
    }

    /** Counts with the seven built-in operations. */
    public static ParameterCounter builtIn() {
        return new ParameterCounter(byName(OpsPlugin.paperOperations()));
    }

    public static Map<String, CandidateOperation> byName(List<CandidateOperation> ops) {
        Map<String, CandidateOperation> map = new LinkedHashMap<>();
        ops.forEach(op -> map.put(op.name(), op));
        return map;
    }

    /** The operations this counter builds, by name. */
    public Map<String, CandidateOperation> operations() {
        return operations;
    }

    public long count(Request request) {
        Objects.requireNonNull(request, "request is null");
        if (request.channels() < 1 || request.layers() < 3 || request.classes() < 1) {
            throw new IllegalArgumentException("need channels >= 1, layers >= 3, classes >= 1; got "
                    + request.channels() + ", " + request.layers() + ", " + request.classes());
        }
        ImageShape input = request.layout() == Layout.CIFAR ? new ImageShape(3, 32, 32) : new ImageShape(3, 224, 224);
        TargetNetworkSpec spec = new TargetNetworkSpec(request.genotype(), request.layout(), input, request.classes(),
                request.channels(), request.layers(), request.withAuxiliary() ? 0.4 : 0, request.oneStageBn(),
                operations, 0);
        try (Nd4jTargetNetwork network = TargetNetworks.build(spec, DataType.FLOAT)) {
            long count = network.parameterCount();
            if (request.withAuxiliary()) {
                count += network.auxiliaryHead().parameterCount();
            }
            return count;
        }
    }
}
