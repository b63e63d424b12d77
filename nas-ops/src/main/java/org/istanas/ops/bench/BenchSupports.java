package org.istanas.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.istanas.api.genotype.CellType;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.op.CandidateOperation;

/**
 * Fixed supports for the sparse benchmark, so that two programs compute exactly the same operations: for each
 * cell type and intermediate node j, the sorted flat candidate indices k = input * ops + op (input 0, 1 = the
 * cell inputs, 2.. = earlier nodes; op = index in the operation list), as {@code torch_reference.py
 * --support-genotype} builds them.
 *
 * @param description where the supports came from (for the benchmark's output)
 * @param supports    [cell type ordinal][node] -> candidate indices
 */
public record BenchSupports(String description, int[][][] supports) {
    /** The supports of a genotype: each node's two (operation, input) pairs. */
    public static BenchSupports fromGenotype(String name, Genotype genotype, List<CandidateOperation> operations,
                                             int nodes) {
        List<String> names = operations.stream().map(CandidateOperation::name).toList();
        int[][][] supports = new int[CellType.values().length][nodes][];
        for (CellType type : CellType.values()) {
            if (genotype.steps(type) != nodes) {
                throw new IllegalArgumentException("genotype " + name + " has " + genotype.steps(type) + " "
                        + type.name().toLowerCase() + " nodes, the benchmark network has " + nodes);
            }
            for (int j = 0; j < nodes; j++) {
                List<GenotypeEdge> edges = genotype.nodeInputs(type, j);
                int[] support = new int[edges.size()];
                for (int e = 0; e < edges.size(); e++) {
                    int op = names.indexOf(edges.get(e).op());
                    if (op < 0) {
                        throw new IllegalArgumentException("genotype " + name + ": operation '" + edges.get(e).op()
                                + "' of " + type.name().toLowerCase() + " node " + j
                                + " is not a candidate of the search space " + names);
                    }
                    support[e] = edges.get(e).input() * names.size() + op;
                }
                supports[type.ordinal()][j] = checked(support, j, names.size(),
                        "genotype " + name + " " + type.name().toLowerCase() + " node " + j);
            }
        }
        return new BenchSupports("genotype " + name, supports);
    }

    /**
     * Reads {@code {"normal": [[k, ...], ...], "reduce": [[k, ...], ...]}}: one list of flat candidate indices per
     * intermediate node (k = input * ops + op).
     */
    public static BenchSupports fromFile(Path file, int operations, int nodes) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read supports: " + e.getMessage(), e);
        }
        int[][][] supports = new int[CellType.values().length][nodes][];
        for (CellType type : CellType.values()) {
            String field = type.name().toLowerCase();
            JsonNode cells = root == null ? null : root.get(field);
            if (cells == null || !cells.isArray() || cells.size() != nodes) {
                throw new IllegalArgumentException(file + ": field '" + field + "' must be an array of " + nodes
                        + " node supports (lists of candidate indices input * " + operations + " + op), got "
                        + cells);
            }
            for (int j = 0; j < nodes; j++) {
                JsonNode node = cells.get(j);
                String where = file + ": " + field + "[" + j + "]";
                if (!node.isArray() || node.isEmpty()) {
                    throw new IllegalArgumentException(where + " must be a non-empty list of candidate indices, got "
                            + node);
                }
                List<Integer> values = new ArrayList<>();
                for (JsonNode k : node) {
                    if (!k.isInt()) {
                        throw new IllegalArgumentException(where + " holds " + k + ", expected an integer");
                    }
                    values.add(k.intValue());
                }
                supports[type.ordinal()][j] = checked(values.stream().mapToInt(Integer::intValue).toArray(), j,
                        operations, where);
            }
        }
        return new BenchSupports("file " + file.getFileName(), supports);
    }

    private static int[] checked(int[] support, int node, int operations, String where) {
        int candidates = operations * (node + 2);
        int[] sorted = support.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= candidates) {
                throw new IllegalArgumentException(where + ": candidate " + sorted[i] + " out of range [0, "
                        + candidates + ")");
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(where + ": candidate " + sorted[i] + " appears twice");
            }
        }
        return sorted;
    }

    /** The support of one node. */
    public int[] support(CellType type, int node) {
        return supports[type.ordinal()][node].clone();
    }
}
