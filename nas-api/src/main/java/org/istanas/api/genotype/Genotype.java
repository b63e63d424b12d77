package org.istanas.api.genotype;

import java.util.List;
import java.util.Objects;

/**
 * A discovered cell architecture: for each cell type, two {@link GenotypeEdge}s per intermediate node (node k
 * owns entries 2k and 2k+1) and the nodes concatenated into the cell output.
 */
public record Genotype(List<GenotypeEdge> normal, List<Integer> normalConcat,
                       List<GenotypeEdge> reduce, List<Integer> reduceConcat) {
    public Genotype {
        normal = List.copyOf(Objects.requireNonNull(normal, "normal is null"));
        normalConcat = List.copyOf(Objects.requireNonNull(normalConcat, "normalConcat is null"));
        reduce = List.copyOf(Objects.requireNonNull(reduce, "reduce is null"));
        reduceConcat = List.copyOf(Objects.requireNonNull(reduceConcat, "reduceConcat is null"));
    }

    public List<GenotypeEdge> edges(CellType type) {
        return type == CellType.NORMAL ? normal : reduce;
    }

    public List<Integer> concat(CellType type) {
        return type == CellType.NORMAL ? normalConcat : reduceConcat;
    }
}
