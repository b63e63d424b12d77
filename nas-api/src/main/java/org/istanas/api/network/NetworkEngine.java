package org.istanas.api.network;

/**
 * Builds and trains networks. This interface and the others in this package are the only engine types
 * strategies see: they speak plain Java arrays, so the engine behind them (ND4J today) can be replaced without
 * touching strategies or solvers.
 */
public interface NetworkEngine {
    /** Backend description for provenance, e.g. "nd4j-native 1.0.0-M2.1 (oneDNN, AVX-512), float32, 2 threads". */
    String describe();

    /** Two-stage super-net: only the (input, op) pairs in each node's support are computed. */
    SparseSearchNetwork sparseSearchNetwork(SearchNetworkSpec spec);

    /** DARTS super-net: softmax over all ops of every edge, every op computed. */
    DenseSearchNetwork denseSearchNetwork(SearchNetworkSpec spec);

    /** One-stage super-net at target-net settings, with BN after every op and z foldable into it. */
    OneStageNetwork oneStageNetwork(SearchNetworkSpec spec);

    /** Stand-alone network of a genotype (CIFAR or ImageNet layout). */
    TargetNetwork targetNetwork(TargetNetworkSpec spec);

    /** SGD with momentum and (coupled, PyTorch-style) weight decay. */
    Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay);

    /**
     * SGD as {@link #sgd(ParameterGroup, double, double, double)}; with {@code updateWithoutGradient} a parameter
     * that once had a gradient keeps being updated (momentum and weight decay, zero gradient) in steps where it has
     * none, as PyTorch 1.x after {@code zero_grad()} (which zeroes gradients rather than dropping them); without it
     * such a parameter and its momentum freeze until it has a gradient again.
     */
    default Optimizer sgd(ParameterGroup parameters, double learningRate, double momentum, double weightDecay,
                          boolean updateWithoutGradient) {
        if (updateWithoutGradient) {
            throw new UnsupportedOperationException(describe() + ": SGD updates without a gradient are not supported");
        }
        return sgd(parameters, learningRate, momentum, weightDecay);
    }

    /** Adam with coupled L2 weight decay (PyTorch {@code torch.optim.Adam}). */
    Optimizer adam(ParameterGroup parameters, double learningRate, double beta1, double beta2, double weightDecay);

    /**
     * Scales all gradients of the groups so that their joint L2 norm is at most {@code maxNorm}
     * (PyTorch {@code clip_grad_norm_}); returns the norm before clipping.
     */
    double clipGradientNorm(double maxNorm, ParameterGroup... groups);

    /** Writes trained target networks as DeepLearning4J model files. */
    default NetworkExporter exporter() {
        throw new UnsupportedOperationException("engine " + describe() + " cannot export networks");
    }
}
