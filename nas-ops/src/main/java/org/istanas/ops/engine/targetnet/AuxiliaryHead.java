package org.istanas.ops.engine.targetnet;

import java.util.ArrayList;
import java.util.List;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Pool;
import org.istanas.ops.engine.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DARTS auxiliary classifier on the output of cell 2L/3: ReLU, 5x5 average pooling without padding
 * (count_include_pad = False), 1x1 conv to 128 + BN + ReLU, 2x2 conv to 768 (+ BN on CIFAR only: DARTS'
 * {@code AuxiliaryHeadImageNet} omits it), ReLU, linear classifier. CIFAR pools with stride 3 (8x8 to 2x2), ImageNet
 * with stride 2 (7x7 to 2x2).
 */
public final class AuxiliaryHead implements Layer {
    private final Sequential features;
    private final Linear classifier;
    private long[] featureShape;

    private AuxiliaryHead(Sequential features, Linear classifier) {
        this.features = features;
        this.classifier = classifier;
    }

    /** Everything before the classifier; its output is [N, 768, 1, 1]. */
    public Sequential features() {
        return features;
    }

    public Linear classifier() {
        return classifier;
    }

    /** DARTS {@code AuxiliaryHeadCIFAR}. */
    public static AuxiliaryHead cifar(LayerFactory f, int channels, int classes) {
        return new AuxiliaryHead(new Sequential(List.of(f.relu(), new Pool(Pool.Kind.AVG, 5, 3, 0, false),
                f.conv(channels, 128, 1, 1, 0, 1), f.batchNorm(128, true), f.relu(),
                f.conv(128, 768, 2, 1, 0, 1), f.batchNorm(768, true), f.relu())), f.linear(768, classes));
    }

    /** DARTS {@code AuxiliaryHeadImageNet}. */
    public static AuxiliaryHead imagenet(LayerFactory f, int channels, int classes) {
        return new AuxiliaryHead(new Sequential(List.of(f.relu(), new Pool(Pool.Kind.AVG, 5, 2, 0, false),
                f.conv(channels, 128, 1, 1, 0, 1), f.batchNorm(128, true), f.relu(),
                f.conv(128, 768, 2, 1, 0, 1), f.relu())), f.linear(768, classes));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray h = features.forward(x, training);
        featureShape = h.shape();
        if (h.size(1) * h.size(2) * h.size(3) != 768) {
            throw new IllegalArgumentException("auxiliary head expects a 1x1 feature map after pooling (CIFAR: 8x8,"
                    + " ImageNet: 7x7 input), got input " + java.util.Arrays.toString(x.shape()));
        }
        return classifier.forward(h.reshape('c', h.size(0), 768), training);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = classifier.backward(gradOutput);
        INDArray gradInput = features.backward(g.reshape('c', featureShape));
        classifier.releaseGradient();
        return gradInput;
    }

    @Override
    public boolean backwardReadsInput() {
        return features.backwardReadsInput();
    }

    @Override
    public void releaseGradient() {
        features.releaseGradient();
    }

    @Override
    public void collectParameters(List<Param> sink) {
        features.collectParameters(sink);
        classifier.collectParameters(sink);
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        features.collectBuffers(sink);
    }

    @Override
    public void collectLayers(List<Layer> sink) {
        sink.add(this);
        features.collectLayers(sink);
        sink.add(classifier);
    }

    /** Parameter count of the head. */
    public long parameterCount() {
        List<Param> params = new ArrayList<>();
        collectParameters(params);
        return params.stream().mapToLong(Param::size).sum();
    }

    @Override
    public void close() {
        features.close();
        classifier.close();
    }
}
