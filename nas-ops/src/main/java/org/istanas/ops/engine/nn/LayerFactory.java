package org.istanas.ops.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.istanas.api.op.OpBlock;
import org.istanas.api.op.OpBuilder;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The engine's {@link OpBuilder}: turns an operation's description into {@link Layer}s of one data type, with
 * weights drawn from one seeded generator in construction order. Create one factory per op instance (seeded from
 * the instance's key) so that the weights of an op do not depend on which other ops exist.
 */
public final class LayerFactory implements OpBuilder {
    private final DataType type;
    private final SplittableRandom random;
    private final String name;
    private int counter;

    public LayerFactory(DataType type, long seed, String name) {
        this.type = Objects.requireNonNull(type, "type is null");
        this.random = new SplittableRandom(seed);
        this.name = Objects.requireNonNull(name, "name is null");
    }

    public DataType dataType() {
        return type;
    }

    private String next(String kind) {
        return name + "." + (counter++) + "." + kind;
    }

    /** Unwraps a block built by an engine factory; other blocks are an error naming their class. */
    public static Layer layer(OpBlock block) {
        Objects.requireNonNull(block, "block is null");
        if (block instanceof Layer layer) {
            return layer;
        }
        throw new IllegalArgumentException("op block " + block.getClass().getName()
                + " was not built by the ND4J engine's OpBuilder");
    }

    @Override
    public Layer relu() {
        return new Relu();
    }

    @Override
    public Layer conv(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation) {
        if (dilation != 1) {
            throw new UnsupportedOperationException("dilated dense convolution is not supported (dilation "
                    + dilation + "); use depthwiseConv for dilated kernels");
        }
        return new Conv2d(next("conv"), type, random, inChannels, outChannels, kernel, stride, padding);
    }

    @Override
    public Layer depthwiseConv(int channels, int kernel, int stride, int padding, int dilation) {
        return new DepthwiseConv2d(next("dwconv"), type, random, channels, kernel, stride, padding, dilation,
                DepthwiseConv2d.DilationMode.AUTO);
    }

    @Override
    public BatchNorm batchNorm(int channels, boolean affine) {
        return new BatchNorm(next("bn"), type, channels, affine, false);
    }

    @Override
    public Layer maxPool(int kernel, int stride, int padding) {
        return new Pool(Pool.Kind.MAX, kernel, stride, padding, false);
    }

    @Override
    public Layer avgPool(int kernel, int stride, int padding, boolean countIncludePad) {
        return new Pool(Pool.Kind.AVG, kernel, stride, padding, countIncludePad);
    }

    @Override
    public Layer identity() {
        return new Identity();
    }

    @Override
    public Layer factorizedReduce(int inChannels, int outChannels, boolean affine) {
        return new FactorizedReduce(next("fr"), type, random, inChannels, outChannels, affine);
    }

    @Override
    public Layer zero(int stride) {
        return new Zero(stride);
    }

    @Override
    public Layer sequence(OpBlock... blocks) {
        List<Layer> layers = new ArrayList<>(blocks.length);
        for (OpBlock block : blocks) {
            layers.add(layer(block));
        }
        return new Sequential(layers);
    }

    /** Linear layer (classifier heads). */
    public Linear linear(int in, int out) {
        return new Linear(next("linear"), type, random, in, out);
    }
}
