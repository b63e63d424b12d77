package org.istanas.ops.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.ops.engine.nn.BatchNorm;
import org.istanas.ops.engine.nn.Conv2d;
import org.istanas.ops.engine.nn.DepthwiseConv2d;
import org.istanas.ops.engine.nn.FactorizedReduce;
import org.istanas.ops.engine.nn.Identity;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.ops.engine.nn.Pool;
import org.istanas.ops.engine.nn.Relu;
import org.istanas.ops.engine.nn.Sequential;
import org.istanas.api.network.DilatedConvolutions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The engine layers every candidate operation is built of (the {@link org.istanas.api.op.OpBuilder} primitives),
 * each with its exporter, keyed by layer class. An operation whose layers are all in this table exports without
 * further code, whichever plugin it comes from.
 */
public final class PrimitiveExporters {
    private record Entry<L extends Layer>(String primitive, Class<L> type, PrimitiveExporter<L> exporter) {
        Tensor write(Layer layer, Tensor x, ExportScope scope) {
            return exporter.write(type.cast(layer), x, scope);
        }
    }

    private final Map<Class<?>, Entry<?>> table = new LinkedHashMap<>();

    private PrimitiveExporters() {
    }

    /** Layer classes and their primitive names, in the table's order. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        table.values().forEach(e -> out.put(e.primitive(), e.type().getSimpleName()));
        return out;
    }

    /** The table of the engine's OpBuilder primitives. */
    public static PrimitiveExporters standard() {
        PrimitiveExporters p = new PrimitiveExporters();
        p.put("relu", Relu.class, (l, x, s) -> s.writer().relu(s.name("relu"), x));
        p.put("conv", Conv2d.class, (l, x, s) -> {
            checkChannels(s, x, l.inChannels(), "conv");
            return s.writer().conv(s.name("conv"), x, l.weight().value(), l.stride(), l.padding());
        });
        p.put("depthwiseConv", DepthwiseConv2d.class, PrimitiveExporters::depthwise);
        p.put("batchNorm", BatchNorm.class, (l, x, s) -> {
            Tensor y = s.writer().batchNorm(s.name("bn"), x, l.runningMean(), l.runningVar(),
                    l.affine() ? l.gamma().value() : null, l.affine() ? l.beta().value() : null, BatchNorm.EPS);
            return l.fusedRelu() ? s.writer().relu(s.name("relu"), y) : y;
        });
        p.put("maxPool/avgPool", Pool.class, (l, x, s) -> l.kind() == Pool.Kind.MAX
                ? s.writer().maxPool(s.name("maxpool"), x, l.kernel(), l.stride(), l.padding())
                : s.writer().avgPool(s.name("avgpool"), x, l.kernel(), l.stride(), l.padding(), l.countIncludePad()));
        p.put("identity", Identity.class, (l, x, s) -> x);
        p.put("factorizedReduce", FactorizedReduce.class, PrimitiveExporters::factorizedReduce);
        p.put("sequence", Sequential.class, (l, x, s) -> {
            Tensor h = x;
            for (Layer inner : l.layers()) {
                h = s.write(inner, h);
            }
            return h;
        });
        return p;
    }

    private <L extends Layer> void put(String primitive, Class<L> type, PrimitiveExporter<L> exporter) {
        table.put(type, new Entry<>(primitive, type, exporter));
    }

    /** A copy of this table without the primitive {@code name} (for formats or tests that lack it). */
    public PrimitiveExporters without(String primitive) {
        PrimitiveExporters p = new PrimitiveExporters();
        table.forEach((k, v) -> {
            if (!v.primitive().equals(primitive)) {
                p.table.put(k, v);
            }
        });
        return p;
    }

    Tensor write(Layer layer, Tensor x, ExportScope scope) {
        Entry<?> entry = table.get(layer.getClass());
        if (entry == null) {
            throw new UnsupportedExportException("operation " + scope.operation() + " contains a "
                    + layer.getClass().getName() + ", which the DL4J exporter cannot write; exportable primitives: "
                    + describe().keySet() + ". Build the operation from these (org.istanas.api.op.OpBuilder) or add "
                    + "an exporter for it to org.istanas.ops.export.OperationExporters");
        }
        return entry.write(layer, x, scope);
    }

    private static void checkChannels(ExportScope s, Tensor x, int expected, String what) {
        if (x.channels() != expected) {
            throw new IllegalStateException(s.operation() + ": " + what + " expects " + expected
                    + " channels, got " + x.shapeText());
        }
    }

    /**
     * Dilated kernels follow {@link DilatedConvolutions}: the rewrite is the engine's own (DepthwiseConv2d AUTO
     * mode), so the exported graph computes exactly what was trained.
     */
    private static Tensor depthwise(DepthwiseConv2d l, Tensor x, ExportScope s) {
        checkChannels(s, x, l.channels(), "depthwise conv");
        GraphWriter w = s.writer();
        INDArray weight = l.weight().value();
        int d = l.dilation();
        if (d == 1 || s.dilated() == DilatedConvolutions.NATIVE) {
            return w.depthwiseConv(s.name("dwconv"), x, weight, l.stride(), l.padding(), d);
        }
        boolean phased = s.dilated() == DilatedConvolutions.REWRITE && w.phases() && d == 2
                && l.padding() % 2 == 0 && x.height() % 2 == 0 && x.width() % 2 == 0
                && (l.stride() == 1 || l.stride() == 2);
        if (phased && l.stride() == 1) {
            Tensor phases = w.splitPhases(s.name("phases"), x, new int[] {0, 1, 2, 3});
            Tensor y = w.depthwiseConv(s.name("dwconv"), phases, weight, 1, l.padding() / 2, 1);
            return w.mergePhases(s.name("merge"), y);
        }
        if (phased) {
            Tensor even = w.splitPhases(s.name("phase0"), x, new int[] {0});
            return w.depthwiseConv(s.name("dwconv"), even, weight, 1, l.padding() / 2, 1);
        }
        int k = l.kernel();
        int big = d * (k - 1) + 1;
        INDArray expanded = Nd4j.zeros(weight.dataType(), big, big, l.channels(), 1);
        expanded.get(NDArrayIndex.interval(0, d, big), NDArrayIndex.interval(0, d, big), NDArrayIndex.all(),
                NDArrayIndex.all()).assign(weight);
        return w.depthwiseConv(s.name("dwconv"), x, expanded, l.stride(), l.padding(), 1);
    }

    /** ReLU, 1x1 stride-2 conv on x and on x[:, :, 1:, 1:], concatenated, BN (DARTS FactorizedReduce). */
    private static Tensor factorizedReduce(FactorizedReduce l, Tensor x, ExportScope s) {
        if (x.height() % 2 != 0 || x.width() % 2 != 0) {
            throw new IllegalStateException(s.operation() + ": FactorizedReduce needs even H and W, got "
                    + x.shapeText());
        }
        GraphWriter w = s.writer();
        Tensor r = w.relu(s.name("relu"), x);
        Tensor a = w.conv(s.name("conv_1"), r, l.convA().weight().value(), 2, 0);
        Tensor shifted = w.crop(s.name("shift"), r, 1, 1);
        Tensor b = w.conv(s.name("conv_2"), shifted, l.convB().weight().value(), 2, 0);
        Tensor cat = w.concat(s.name("concat"), List.of(a, b));
        return s.write(l.batchNorm(), cat);
    }
}
