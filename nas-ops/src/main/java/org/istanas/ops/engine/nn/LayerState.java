package org.istanas.ops.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies the trained state of one layer into another of the same structure (folding a super-net). */
public final class LayerState {
    private LayerState() {
    }

    /**
     * Assigns every parameter and every BN running statistic of {@code from} to the same tensor of {@code to}, in
     * their stable collection order.
     *
     * @throws IllegalStateException naming {@code what} when the two layers hold different numbers of tensors
     */
    public static void copy(Layer from, Layer to, String what) {
        List<Param> a = new ArrayList<>();
        List<Param> b = new ArrayList<>();
        from.collectParameters(a);
        to.collectParameters(b);
        if (a.size() != b.size()) {
            throw new IllegalStateException(what + ": " + a.size() + " parameter tensors vs " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            b.get(i).value().assign(a.get(i).value());
        }
        List<INDArray> x = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        from.collectBuffers(x);
        to.collectBuffers(y);
        if (x.size() != y.size()) {
            throw new IllegalStateException(what + ": " + x.size() + " buffers vs " + y.size());
        }
        for (int i = 0; i < x.size(); i++) {
            y.get(i).assign(x.get(i));
        }
    }
}
