package org.istanas.api.genotype;

import java.util.Objects;

/**
 * One chosen connection of an intermediate node: operation {@code op} applied to node {@code input}
 * (0 and 1 are the cell inputs c_{k-2} and c_{k-1}; 2.. are earlier intermediate nodes).
 */
public record GenotypeEdge(String op, int input) {
    public GenotypeEdge {
        Objects.requireNonNull(op, "op is null");
    }
}
