package org.istanas.search.onestage;

import java.util.Objects;
import org.istanas.api.genotype.CellType;

/**
 * An intermediate node of one cell type (shared by every cell of that type): {@code node} is 0-based, cell node
 * {@code node + 2}.
 */
public record NodeRef(CellType type, int node) {
    public NodeRef {
        Objects.requireNonNull(type, "type is null");
        if (node < 0) {
            throw new IllegalArgumentException("node must be >= 0, got " + node);
        }
    }

    /** {@code normal_n2}, {@code reduce_n5}: the name used in metrics.csv and progress lines. */
    public String label() {
        return (type == CellType.NORMAL ? "normal" : "reduce") + "_n" + (node + 2);
    }

    @Override
    public String toString() {
        return label();
    }
}
