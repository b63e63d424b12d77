package org.istanas.ops.export;

import java.util.Objects;
import org.istanas.ops.engine.nn.Layer;
import org.istanas.api.network.DilatedConvolutions;

/**
 * Where in the network a part is being written: the writer, the node-name prefix, and the operation it belongs to
 * (for error messages). Scopes nest: {@link #child} extends the prefix.
 */
public final class ExportScope {
    private final GraphWriter writer;
    private final PrimitiveExporters primitives;
    private final DilatedConvolutions dilated;
    private final String prefix;
    private final String operation;
    private int counter;

    ExportScope(GraphWriter writer, PrimitiveExporters primitives, DilatedConvolutions dilated, String prefix,
                String operation) {
        this.writer = Objects.requireNonNull(writer, "writer is null");
        this.primitives = Objects.requireNonNull(primitives, "primitives is null");
        this.dilated = Objects.requireNonNull(dilated, "dilated is null");
        this.prefix = prefix;
        this.operation = operation;
    }

    public GraphWriter writer() {
        return writer;
    }

    public DilatedConvolutions dilated() {
        return dilated;
    }

    /** The operation being written, e.g. {@code 'sep_conv_3x3' (cell 3, node 1, edge 0)}, or the part's name. */
    public String operation() {
        return operation;
    }

    public String prefix() {
        return prefix;
    }

    /** A fresh node name inside this scope: {@code prefix/<index><kind>}. */
    public String name(String kind) {
        return prefix + "/" + (counter++) + kind;
    }

    /** A nested scope for a named part (an op on an edge, a stem). */
    public ExportScope child(String part, String operation) {
        return new ExportScope(writer, primitives, dilated, prefix.isEmpty() ? part : prefix + "/" + part, operation);
    }

    /** Writes a layer (and the layers inside it) through the primitive table. */
    public Tensor write(Layer layer, Tensor x) {
        return primitives.write(layer, x, this);
    }
}
