package org.istanas.ops.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Layers applied one after another. A batch norm directly followed by a ReLU is fused into one pass. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        List<Layer> fused = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof BatchNorm bn && !bn.fusedRelu() && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof Relu) {
                bn.fuseRelu();
                i++;
            }
            fused.add(layer);
        }
        this.layers = List.copyOf(fused);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray h = x;
        for (Layer layer : layers) {
            h = layer.forward(h, training);
        }
        return h;
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            INDArray next = layers.get(i).backward(g);
            if (i + 1 < layers.size() && !Buffers.sharesData(next, g)) {
                layers.get(i + 1).releaseGradient(); // g is consumed
            }
            g = next;
        }
        return g;
    }

    /** Whether a layer reads the input: the first one, or any after identities that pass it on. */
    @Override
    public boolean backwardReadsInput() {
        for (Layer layer : layers) {
            if (layer.backwardReadsInput()) {
                return true;
            }
            if (!(layer instanceof Identity)) {
                return false;
            }
        }
        return false;
    }

    @Override
    public boolean releaseOutput() {
        return !layers.isEmpty() && layers.get(layers.size() - 1).releaseOutput();
    }

    @Override
    public void releaseGradient() {
        if (!layers.isEmpty()) {
            layers.get(0).releaseGradient();
        }
    }

    @Override
    public void collectParameters(List<Param> sink) {
        layers.forEach(l -> l.collectParameters(sink));
    }

    @Override
    public void collectBuffers(List<INDArray> sink) {
        layers.forEach(l -> l.collectBuffers(sink));
    }

    @Override
    public void collectLayers(List<Layer> sink) {
        sink.add(this);
        layers.forEach(l -> l.collectLayers(sink));
    }

    @Override
    public void close() {
        layers.forEach(Layer::close);
    }
}
