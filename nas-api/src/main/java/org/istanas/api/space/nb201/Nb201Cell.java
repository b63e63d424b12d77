package org.istanas.api.space.nb201;

import java.util.List;
import java.util.Objects;
import org.istanas.api.space.Architecture;

/**
 * A NAS-Bench-201 cell: one operation on each of the six edges, in the official edge order
 * e0 = 0→1, e1 = 0→2, e2 = 1→2, e3 = 0→3, e4 = 1→3, e5 = 2→3 (node 0 is the input, node 3 the output).
 * All fifteen cells of a network share it.
 *
 * @param ops the six operation names, {@code ops.get(e)} on edge {@code e}
 */
public record Nb201Cell(List<String> ops) implements Architecture {
    public static final String SPACE = "nas-bench-201";
    public static final int EDGES = 6;
    public static final int NODES = 4;
    /** The official operations in the official order (their positions are the index recipe's digits). */
    public static final List<String> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    /** Source and target node of each edge. */
    private static final int[][] EDGE_NODES = {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}};

    public Nb201Cell {
        ops = List.copyOf(Objects.requireNonNull(ops, "ops is null"));
        if (ops.size() != EDGES) {
            throw new IllegalArgumentException("a nas-bench-201 cell has 6 edges, got " + ops.size() + " operations");
        }
        for (int e = 0; e < EDGES; e++) {
            String op = ops.get(e);
            if (op.isBlank() || op.chars().anyMatch(c -> c == '|' || c == '~' || c == '+' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("edge " + e + " (" + source(e) + "->" + target(e)
                        + "): invalid operation name '" + op + "'");
            }
        }
    }

    /** The cell with the same operation on every edge, e.g. {@code uniform("nor_conv_3x3")}. */
    public static Nb201Cell uniform(String op) {
        return new Nb201Cell(java.util.Collections.nCopies(EDGES, op));
    }

    /** Parses the official architecture string; see {@link Nb201ArchString#parse}. */
    public static Nb201Cell parse(String arch) {
        return Nb201ArchString.parse(arch, "architecture");
    }

    @Override
    public String space() {
        return SPACE;
    }

    public String op(int edge) {
        return ops.get(Objects.checkIndex(edge, EDGES));
    }

    /** Source node of edge {@code e}. */
    public static int source(int edge) {
        return EDGE_NODES[Objects.checkIndex(edge, EDGES)][0];
    }

    /** Target node of edge {@code e}. */
    public static int target(int edge) {
        return EDGE_NODES[Objects.checkIndex(edge, EDGES)][1];
    }

    /** The edge from {@code source} into {@code target} (0 <= source < target <= 3). */
    public static int edge(int source, int target) {
        for (int e = 0; e < EDGES; e++) {
            if (EDGE_NODES[e][0] == source && EDGE_NODES[e][1] == target) {
                return e;
            }
        }
        throw new IllegalArgumentException("no edge " + source + "->" + target + " in a nas-bench-201 cell");
    }

    /** The canonical official string, edges printed in order e0..e5. */
    public String arch() {
        return Nb201ArchString.print(this);
    }

    @Override
    public String toString() {
        return arch();
    }
}
