package org.istanas.ops.nb201;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.istanas.api.space.StandaloneModel;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.ops.engine.nn.GlobalAvgPool;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The NAS-Bench-201 stand-alone network (official {@code TinyNetwork}, C = 16, N = 5): stem Conv 3×3 (3→C, no
 * bias) → BN; N cells at C; residual block C→2C; N cells at 2C; residual block 2C→4C; N cells at 4C; BN → ReLU →
 * global average pool → Linear(4C → classes). All 15 cells share one genotype; every BN is affine and tracked.
 */
public final class Nb201Network implements StandaloneModel {
    public static final int CHANNELS = 16;
    public static final int CELLS_PER_STAGE = 5;

    private final Nb201Cell cell;
    private final Sequential body;

    /**
     * @param inputChannels image channels (3 for CIFAR and ImageNet16-120)
     * @param seed          weight-initialisation seed
     */
    public Nb201Network(Nb201Cell cell, int inputChannels, int classes, long seed) {
        this.cell = Objects.requireNonNull(cell, "cell is null");
        if (classes < 1 || inputChannels < 1) {
            throw new IllegalArgumentException("need inputChannels >= 1 and classes >= 1, got " + inputChannels
                    + ", " + classes);
        }
        LayerFactory factory = new LayerFactory(DataType.FLOAT, seed, "nb201");
        List<Layer> layers = new ArrayList<>();
        layers.add(factory.conv(inputChannels, CHANNELS, 3, 1, 1, 1));
        layers.add(factory.batchNorm(CHANNELS, true));
        int channels = CHANNELS;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                layers.add(new ResidualBlock(channels, channels * 2, factory));
                channels *= 2;
            }
            for (int i = 0; i < CELLS_PER_STAGE; i++) {
                layers.add(new Nb201CellLayer(cell, channels, factory));
            }
        }
        layers.add(factory.batchNorm(channels, true));
        layers.add(factory.relu());
        layers.add(new GlobalAvgPool());
        layers.add(factory.linear(channels, classes));
        this.body = new Sequential(layers);
    }

    public Nb201Cell cell() {
        return cell;
    }

    /** Logits [N, classes] of images [N, C, H, W]. */
    public INDArray forward(INDArray images, boolean training) {
        return body.forward(images, training);
    }

    /** Gradient of the loss with respect to the images, given its gradient with respect to the logits. */
    public INDArray backward(INDArray gradLogits) {
        return body.backward(gradLogits);
    }

    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        body.collectParameters(params);
        return params;
    }

    @Override
    public long parameterCount() {
        return parameters().stream().mapToLong(Param::size).sum();
    }

    @Override
    public void close() {
        body.close();
    }
}
