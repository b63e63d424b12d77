package org.istanas.api.space.nb201;

import java.util.ArrayList;
import java.util.List;

/**
 * The official architecture string {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: one {@code +}-separated group per
 * node 1..3, each with one {@code |op~source|} entry per earlier node. Parsing accepts the entries of a node in any
 * order (as the official parser does) but needs every edge exactly once; printing is canonical (sources ascending),
 * which is what table lookups need.
 */
public final class Nb201ArchString {
    private Nb201ArchString() {
    }

    public static String print(Nb201Cell cell) {
        StringBuilder out = new StringBuilder();
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            if (node > 1) {
                out.append('+');
            }
            out.append('|');
            for (int source = 0; source < node; source++) {
                out.append(cell.op(Nb201Cell.edge(source, node))).append('~').append(source).append('|');
            }
        }
        return out.toString();
    }

    /**
     * Parses an architecture string.
     *
     * @param source what the string came from, the prefix of error messages
     * @throws IllegalArgumentException naming the node and entry that are wrong and what was expected
     */
    public static Nb201Cell parse(String arch, String source) {
        if (arch == null || arch.isBlank()) {
            throw new IllegalArgumentException(source + ": empty nas-bench-201 architecture string");
        }
        String text = arch.strip();
        String[] nodes = text.split("\\+", -1);
        if (nodes.length != Nb201Cell.NODES - 1) {
            throw new IllegalArgumentException(source + ": '" + text + "' has " + nodes.length
                    + " node groups separated by '+'; expected 3 (nodes 1, 2, 3), e.g. "
                    + "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");
        }
        String[] ops = new String[Nb201Cell.EDGES];
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            String group = nodes[node - 1];
            if (!group.startsWith("|") || !group.endsWith("|") || group.length() < 2) {
                throw new IllegalArgumentException(source + ": node " + node + " group '" + group
                        + "' must start and end with '|'");
            }
            List<String> entries = new ArrayList<>();
            for (String entry : group.substring(1, group.length() - 1).split("\\|", -1)) {
                entries.add(entry);
            }
            if (entries.size() != node) {
                throw new IllegalArgumentException(source + ": node " + node + " group '" + group + "' has "
                        + entries.size() + " entries; expected " + node + " (one per input 0.." + (node - 1) + ")");
            }
            for (String entry : entries) {
                int tilde = entry.lastIndexOf('~');
                if (tilde <= 0 || tilde == entry.length() - 1) {
                    throw new IllegalArgumentException(source + ": node " + node + " entry '" + entry
                            + "' is not of the form op~source");
                }
                String op = entry.substring(0, tilde);
                int input;
                try {
                    input = Integer.parseInt(entry.substring(tilde + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ": node " + node + " entry '" + entry
                            + "': source '" + entry.substring(tilde + 1) + "' is not a number", e);
                }
                if (input < 0 || input >= node) {
                    throw new IllegalArgumentException(source + ": node " + node + " entry '" + entry
                            + "': source " + input + " is not an earlier node 0.." + (node - 1));
                }
                int edge = Nb201Cell.edge(input, node);
                if (ops[edge] != null) {
                    throw new IllegalArgumentException(source + ": node " + node + " entry '" + entry
                            + "': a second edge from node " + input);
                }
                ops[edge] = op;
            }
        }
        try {
            return new Nb201Cell(List.of(ops));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
