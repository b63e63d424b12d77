package org.istanas.api.genotype;

import java.util.List;
import java.util.Objects;
import org.istanas.api.space.Architecture;

/**
 * A discovered cell architecture: for each cell type, two {@link GenotypeEdge}s per intermediate node (node k
 * owns entries 2k and 2k+1) and the nodes concatenated into the cell output.
 *
 * <p>The constructor checks the structure (two entries per node, every input earlier than its node, concat
 * nodes in range) and names the offending entry, e.g. {@code normal[3] = ["sep_conv_3x3", 4]: input 4 is not
 * earlier than its node 3}. Operation names are checked separately against a set of known names with
 * {@link GenotypeValidator#checkOperations}, since which operations exist depends on the loaded plugins.
 */
public record Genotype(List<GenotypeEdge> normal, List<Integer> normalConcat,
                       List<GenotypeEdge> reduce, List<Integer> reduceConcat) implements Architecture {
    /** Name of the DARTS search space, whose architectures these are. */
    public static final String SPACE = "darts";

    public Genotype {
        normal = List.copyOf(Objects.requireNonNull(normal, "normal is null"));
        normalConcat = List.copyOf(Objects.requireNonNull(normalConcat, "normalConcat is null"));
        reduce = List.copyOf(Objects.requireNonNull(reduce, "reduce is null"));
        reduceConcat = List.copyOf(Objects.requireNonNull(reduceConcat, "reduceConcat is null"));
        GenotypeValidator.checkStructure(normal, normalConcat, reduce, reduceConcat);
    }

    @Override
    public String space() {
        return SPACE;
    }

    public List<GenotypeEdge> edges(CellType type) {
        return type == CellType.NORMAL ? normal : reduce;
    }

    public List<Integer> concat(CellType type) {
        return type == CellType.NORMAL ? normalConcat : reduceConcat;
    }

    /** Number of intermediate nodes of a cell (4 in the DARTS space). */
    public int steps(CellType type) {
        return edges(type).size() / 2;
    }

    /** The two edges feeding intermediate node {@code step} (0-based; the node's cell index is {@code step + 2}). */
    public List<GenotypeEdge> nodeInputs(CellType type, int step) {
        Objects.checkIndex(step, steps(type));
        return edges(type).subList(2 * step, 2 * step + 2);
    }
}
