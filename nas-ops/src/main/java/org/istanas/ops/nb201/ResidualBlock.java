package org.istanas.ops.nb201;

import java.util.List;
import org.istanas.ops.engine.nn.Buffers;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.LayerFactory;
import org.istanas.ops.engine.nn.Param;
import org.istanas.ops.engine.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fixed reduction block of the NAS-Bench-201 network (official {@code ResNetBasicblock}, stride 2):
 * conv_b(conv_a(x)) + shortcut(x), no ReLU after the sum; conv_a = ReLU → Conv 3×3 stride 2 → BN, conv_b = ReLU →
 * Conv 3×3 → BN, shortcut = AvgPool 2×2 stride 2 → Conv 1×1 (no bias, no BN).
 */
final class ResidualBlock implements Layer {
    private final Layer convA;
    private final Layer convB;
    private final Layer shortcut;
    private INDArray output;
    private INDArray gradInput;

    ResidualBlock(int inChannels, int outChannels, LayerFactory factory) {
        convA = factory.sequence(factory.relu(), factory.conv(inChannels, outChannels, 3, 2, 1, 1),
                factory.batchNorm(outChannels, true));
        convB = factory.sequence(factory.relu(), factory.conv(outChannels, outChannels, 3, 1, 1, 1),
                factory.batchNorm(outChannels, true));
        shortcut = factory.sequence(factory.avgPool(2, 2, 0, true), factory.conv(inChannels, outChannels, 1, 1, 0, 1));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray main = convB.forward(convA.forward(x, training), training);
        INDArray skip = shortcut.forward(x, training);
        output = Buffers.ensure(output, main.dataType(), main.shape());
        Tensors.scale(main, 1, output);
        Tensors.axpy(1, skip, output);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray viaMain = convA.backward(convB.backward(gradOutput));
        gradInput = Buffers.ensure(gradInput, viaMain.dataType(), viaMain.shape());
        Tensors.scale(viaMain, 1, gradInput);
        Tensors.axpy(1, shortcut.backward(gradOutput), gradInput);
        return gradInput;
    }

    @Override
    public void collectParameters(List<Param> sink) {
        convA.collectParameters(sink);
        convB.collectParameters(sink);
        shortcut.collectParameters(sink);
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        convA.collectBuffers(sink);
        convB.collectBuffers(sink);
        shortcut.collectBuffers(sink);
    }

    @Override
    public void collectLayers(List<Layer> sink) {
        sink.add(this);
        convA.collectLayers(sink);
        convB.collectLayers(sink);
        shortcut.collectLayers(sink);
    }

    @Override
    public void close() {
        convA.close();
        convB.close();
        shortcut.close();
        Buffers.release(output);
        Buffers.release(gradInput);
        output = null;
        gradInput = null;
    }
}
