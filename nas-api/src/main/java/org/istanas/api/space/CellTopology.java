package org.istanas.api.space;

import java.util.List;
import java.util.Objects;

/**
 * The searchable graph of one cell type of a space: its intermediate nodes, the inputs each node may take and
 * how many of them a discrete architecture keeps.
 *
 * @param cell  the cell type's name, e.g. {@code normal}, {@code reduce} or {@code cell}
 * @param nodes the nodes in computation order
 */
public record CellTopology(String cell, List<Node> nodes) {
    public CellTopology {
        Objects.requireNonNull(cell, "cell is null");
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes is null"));
    }

    /**
     * One intermediate node.
     *
     * @param node   the node's number as genotype files and renderings use it
     * @param inputs the nodes it may read, ascending
     * @param picks  how many (input, operation) pairs a discrete architecture keeps for this node
     * @param onePerInput whether each input carries exactly one operation (NAS-Bench-201) rather than the node
     *                    choosing {@code picks} of its (input, operation) pairs freely (DARTS: two distinct inputs)
     */
    public record Node(int node, List<Integer> inputs, int picks, boolean onePerInput) {
        public Node {
            inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
            if (picks < 1 || picks > inputs.size()) {
                throw new IllegalArgumentException("node " + node + ": picks " + picks + " not in 1.." + inputs.size());
            }
        }
    }
}
