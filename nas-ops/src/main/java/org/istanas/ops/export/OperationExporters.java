package org.istanas.ops.export;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Exporters of candidate operations keyed by operation name. An operation without an entry is written as the
 * engine primitives it is built of ({@link PrimitiveExporters}), which covers every operation built through
 * {@link org.istanas.api.op.OpBuilder} (all DARTS operations and plugin operations alike); an entry is needed only
 * for an operation whose meaning is more than its layers (e.g. a zero op that ignores its input).
 */
public final class OperationExporters {
    private final Map<String, OperationExporter> byName;

    private OperationExporters(Map<String, OperationExporter> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** No special operations: everything through the primitive table. */
    public static OperationExporters standard() {
        return new OperationExporters(Map.of());
    }

    /** A copy with {@code exporter} for the operation {@code name}. */
    public OperationExporters with(String name, OperationExporter exporter) {
        Map<String, OperationExporter> copy = new TreeMap<>(byName);
        copy.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(exporter, "exporter is null"));
        return new OperationExporters(copy);
    }

    public OperationExporter exporter(String name) {
        return byName.getOrDefault(name, (op, x, scope) -> scope.write(op, x));
    }
}
