package org.istanas.ops.export;

import org.istanas.ops.engine.nn.Layer;

/** Writes one kind of engine layer into the graph. */
@FunctionalInterface
public interface PrimitiveExporter<L extends Layer> {
    Tensor write(L layer, Tensor x, ExportScope scope);
}
