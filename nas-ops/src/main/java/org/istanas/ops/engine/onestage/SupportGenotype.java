package org.istanas.ops.engine.onestage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.network.SearchNetworkSpec;
import org.istanas.ops.engine.search.NodeCodes;

/**
 * The genotype the current supports describe: per node the (op, input) of the smaller |z|, then the larger, as the
 * folded network's edges are ordered.
 */
final class SupportGenotype {
    private SupportGenotype() {
    }

    static Genotype of(SearchNetworkSpec spec, NodeCodes codes) {
        int count = spec.operations().size();
        List<List<GenotypeEdge>> cellsByType = new ArrayList<>();
        for (CellType type : CellType.values()) {
            List<GenotypeEdge> entries = new ArrayList<>();
            for (int j = 0; j < spec.nodes(); j++) {
                for (int k : foldOrder(codes, type, j)) {
                    entries.add(new GenotypeEdge(spec.operations().get(k % count).name(), k / count));
                }
            }
            cellsByType.add(entries);
        }
        List<Integer> concat = new ArrayList<>();
        for (int j = 0; j < spec.nodes(); j++) {
            concat.add(j + 2);
        }
        return new Genotype(cellsByType.get(0), concat, cellsByType.get(1), concat);
    }

    /** Support indices of a node ordered for the genotype: ascending |z|, ties with the higher index first. */
    static int[] foldOrder(NodeCodes codes, CellType type, int node) {
        int[] support = codes.code(type, node).support();
        if (support.length != 2) {
            throw new IllegalStateException("folding needs exactly 2 active ops per node (a genotype has two); "
                    + type + " node " + node + " has " + support.length);
        }
        double[] z = codes.nodeWeights(type, node);
        return Arrays.stream(support).boxed()
                .sorted(Comparator.<Integer>comparingDouble(k -> Math.abs(z[k])).thenComparing(k -> -k))
                .mapToInt(Integer::intValue).toArray();
    }
}
