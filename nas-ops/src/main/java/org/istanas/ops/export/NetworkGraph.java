package org.istanas.ops.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.data.ImageShape;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.ops.engine.nn.Linear;
import org.istanas.ops.engine.targetnet.AuxiliaryHead;
import org.istanas.ops.engine.targetnet.Cell;
import org.istanas.ops.engine.targetnet.CellNetwork;
import org.istanas.ops.engine.targetnet.Nd4jTargetNetwork;
import org.istanas.api.network.DilatedConvolutions;

/**
 * Writes a trained target network in inference mode: input, stem, cells (cell i reads cells i-2 and i-1), global
 * average pooling and the classifier as output {@value #LOGITS}; with the auxiliary head, its logits as a second
 * output {@value #AUX_LOGITS}. Drop-path is a training-only op and is not written.
 */
public final class NetworkGraph {
    public static final String INPUT = "input";
    public static final String LOGITS = "logits";
    public static final String AUX_LOGITS = "aux_logits";

    private final PrimitiveExporters primitives;
    private final OperationExporters operations;
    private final Map<Class<?>, CellExporter<?>> cells = new LinkedHashMap<>();

    public NetworkGraph(PrimitiveExporters primitives, OperationExporters operations) {
        this.primitives = Objects.requireNonNull(primitives, "primitives is null");
        this.operations = Objects.requireNonNull(operations, "operations is null");
        cells.put(Cell.class, new DartsCellExporter());
    }

    public static NetworkGraph standard() {
        return new NetworkGraph(PrimitiveExporters.standard(), OperationExporters.standard());
    }

    /** Writes {@code network} into {@code writer}; returns the output names. */
    public List<String> write(Nd4jTargetNetwork network, GraphWriter writer, DilatedConvolutions dilated,
                              boolean withAuxiliary) {
        if (withAuxiliary && network.auxiliaryHead() == null) {
            throw new IllegalArgumentException("--with-aux: this network was trained without an auxiliary head"
                    + " (auxiliaryWeight = 0)");
        }
        ExportScope root = new ExportScope(writer, primitives, dilated, "", "network");
        ImageShape shape = network.inputShape();
        Tensor x = writer.input(INPUT, shape.channels(), shape.height(), shape.width());
        CellNetwork.Stem stem = network.stem();
        Tensor s0 = root.child("stem0", "the stem").write(stem.stem0(), x);
        Tensor s1 = stem.single() ? s0 : root.child("stem1", "the second stem").write(stem.stem1(), s0);
        Genotype genotype = network.genotype();
        Tensor aux = null;
        List<Cell> list = network.cells();
        for (int i = 0; i < list.size(); i++) {
            Cell cell = list.get(i);
            List<String> names = genotype.edges(cell.reduction() ? CellType.REDUCE : CellType.NORMAL).stream()
                    .map(GenotypeEdge::op).toList();
            Tensor out = cellExporter(cell).write(cell, names, s0, s1, root.child("cell" + i, "cell " + i),
                    operations);
            s0 = s1;
            s1 = out;
            if (withAuxiliary && i == network.auxiliaryCell()) {
                aux = auxiliary(network.auxiliaryHead(), out, root.child("aux", "the auxiliary head"));
            }
        }
        ExportScope head = root.child("classifier", "the classifier");
        Tensor pooled = writer.globalAvgPool(head.name("gap"), s1);
        writer.output(LOGITS, linear(network.classifier(), pooled, head));
        List<String> outputs = new ArrayList<>(List.of(LOGITS));
        if (aux != null) {
            writer.output(AUX_LOGITS, aux);
            outputs.add(AUX_LOGITS);
        }
        return outputs;
    }

    @SuppressWarnings("unchecked")
    private <C> CellExporter<C> cellExporter(C cell) {
        CellExporter<?> exporter = cells.get(cell.getClass());
        if (exporter == null) {
            throw new UnsupportedExportException("cells of type " + cell.getClass().getName() + " cannot be exported"
                    + " yet; exportable: " + cells.keySet());
        }
        return (CellExporter<C>) exporter;
    }

    private Tensor auxiliary(AuxiliaryHead head, Tensor x, ExportScope scope) {
        Tensor features = scope.write(head.features(), x);
        if (features.height() != 1 || features.width() != 1) {
            throw new IllegalStateException("the auxiliary head needs a 1x1 feature map, got " + features.shapeText());
        }
        // mean over a 1x1 map: the flattening of [N, 768, 1, 1]
        Tensor flat = scope.writer().globalAvgPool(scope.name("flatten"), features);
        return linear(head.classifier(), flat, scope);
    }

    private static Tensor linear(Linear linear, Tensor x, ExportScope scope) {
        return scope.writer().dense(scope.name("dense"), x, linear.weight().value(), linear.bias().value());
    }
}
