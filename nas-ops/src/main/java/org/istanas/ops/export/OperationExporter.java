package org.istanas.ops.export;

import org.istanas.ops.engine.nn.Layer;

/** Writes one candidate operation (its built layer) applied to {@code x}. */
@FunctionalInterface
public interface OperationExporter {
    Tensor write(Layer op, Tensor x, ExportScope scope);
}
