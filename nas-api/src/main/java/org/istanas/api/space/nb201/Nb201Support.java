package org.istanas.api.space.nb201;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ISTA-NAS rule on NAS-Bench-201 (docs/spaces.md): node j (0-based, NB201 node j + 1) has one code over its
 * (source, op) pairs, entry k = source {@code k / ops}, op {@code k % ops}; its support keeps, on every incoming
 * edge, the op of largest |x|, so each edge computes exactly one op and the cell comes straight from the supports.
 */
public final class Nb201Support {
    private Nb201Support() {
    }

    /**
     * One candidate per source node of node {@code node}: the index of the largest |x| within each source's group
     * of {@code ops} entries (the first on ties), sources ascending.
     */
    public static int[] perEdge(double[] x, int node, int ops) {
        Objects.requireNonNull(x, "x is null");
        int sources = node + 1;
        if (ops < 1 || x.length != sources * ops) {
            throw new IllegalArgumentException("node " + node + " has " + sources + " sources x " + ops
                    + " operations = " + sources * ops + " entries, got x of length " + x.length);
        }
        int[] support = new int[sources];
        for (int s = 0; s < sources; s++) {
            int best = s * ops;
            for (int k = s * ops + 1; k < (s + 1) * ops; k++) {
                if (Math.abs(x[k]) > Math.abs(x[best])) {
                    best = k;
                }
            }
            support[s] = best;
        }
        return support;
    }

    /**
     * The cell whose edge i→j carries the op its node's support picks on that edge.
     *
     * @param supports   the per-edge supports of nodes 0, 1, 2 (NB201 nodes 1, 2, 3)
     * @param operations the candidate operations in z order
     */
    public static Nb201Cell cell(List<int[]> supports, List<String> operations) {
        if (supports.size() != Nb201Cell.NODES - 1) {
            throw new IllegalArgumentException("need the supports of 3 nodes, got " + supports.size());
        }
        String[] ops = new String[Nb201Cell.EDGES];
        int count = operations.size();
        for (int node = 0; node < supports.size(); node++) {
            for (int k : supports.get(node)) {
                int source = k / count;
                if (source > node) {
                    throw new IllegalArgumentException("node " + node + ": candidate " + k + " has source " + source
                            + ", beyond its " + (node + 1) + " sources");
                }
                int edge = Nb201Cell.edge(source, node + 1);
                if (ops[edge] != null) {
                    throw new IllegalArgumentException("node " + node + ": edge " + source + "->" + (node + 1)
                            + " has two operations in the support");
                }
                ops[edge] = operations.get(k % count);
            }
        }
        List<String> list = new ArrayList<>();
        for (int e = 0; e < ops.length; e++) {
            list.add(ops[e] == null ? "none" : ops[e]);
        }
        return new Nb201Cell(list);
    }
}
