package org.istanas.ops.engine;

import java.util.Objects;
import org.istanas.ops.export.Dl4jExporter;
import org.istanas.ops.engine.onestage.Nd4jOneStageNetwork;
import org.istanas.ops.engine.optim.Adam;
import org.istanas.ops.engine.optim.GradientClipping;
import org.istanas.ops.engine.optim.ParamGroup;
import org.istanas.ops.engine.optim.Sgd;
import org.istanas.ops.engine.search.Nd4jDenseSearchNetwork;
import org.istanas.ops.engine.search.Nd4jSparseSearchNetwork;
import org.istanas.ops.engine.targetnet.TargetNetworks;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.network.NetworkExporter;
import org.istanas.api.network.OneStageNetwork;
import org.istanas.api.network.Optimizer;
import org.istanas.api.network.ParameterGroup;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.network.TargetNetwork;
import org.istanas.api.network.TargetNetworkSpec;

/**
 * The ND4J implementation of {@link NetworkEngine}: a lean layer stack over libnd4j's native (oneDNN) ops with
 * explicit forward/backward passes (no SameDiff, no DL4J graph; docs/engine.md says why).
 */
public final class Nd4jEngine implements NetworkEngine {
    private final Precision precision;
    private final String backend;

    /** Float32 networks. */
    public Nd4jEngine() {
        this(Precision.FLOAT32);
    }

    public Nd4jEngine(Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision is null");
        this.backend = Backend.initialize();
    }

    public Precision precision() {
        return precision;
    }

    @Override
    public String describe() {
        return backend + ", " + (precision == Precision.FLOAT32 ? "float32" : "float64");
    }

    @Override
    public SparseSearchNetwork sparseSearchNetwork(SearchNetworkSpec spec) {
        return new Nd4jSparseSearchNetwork(spec, precision.dataType());
    }

    @Override
    public DenseSearchNetwork denseSearchNetwork(SearchNetworkSpec spec) {
        return new Nd4jDenseSearchNetwork(spec, precision.dataType());
    }

    @Override
    public OneStageNetwork oneStageNetwork(SearchNetworkSpec spec) {
        return Nd4jOneStageNetwork.build(spec, Nd4jOneStageNetwork.layoutFor(spec), precision.dataType());
    }

    @Override
    public TargetNetwork targetNetwork(TargetNetworkSpec spec) {
        return TargetNetworks.build(spec, precision.dataType());
    }

    @Override
    public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay) {
        return new Sgd(ParamGroup.of(parameters), learningRate, momentum, weightDecay);
    }

    @Override
    public Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay,
                         boolean updateWithoutGradient) {
        return new Sgd(ParamGroup.of(parameters), learningRate, momentum, weightDecay, updateWithoutGradient);
    }

    @Override
    public Optimizer adam(ParameterGroup parameters, double learningRate, double beta1, double beta2,
                          double weightDecay) {
        return new Adam(ParamGroup.of(parameters), learningRate, beta1, beta2, weightDecay);
    }

    @Override
    public NetworkExporter exporter() {
        return new Dl4jExporter();
    }

    @Override
    public double clipGradientNorm(double maxNorm, ParameterGroup... groups) {
        ParamGroup[] own = new ParamGroup[groups.length];
        for (int i = 0; i < groups.length; i++) {
            own[i] = ParamGroup.of(groups[i]);
        }
        return GradientClipping.clip(maxNorm, own);
    }
}
