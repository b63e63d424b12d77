package org.istanas.report.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;

/**
 * The support of every node per epoch, as the searches record it in metrics.csv: one column per node named
 * {@code <cell>_n<node>} with entries {@code op@input} joined by {@code +} (e.g. {@code sep_conv_3x3@0+skip_connect@1}).
 *
 * @param nodes   column names in file order, e.g. {@code normal_n2}
 * @param perNode for each column, the support text of every epoch (empty text where not recorded)
 */
public record Supports(List<String> nodes, Map<String, List<String>> perNode) {
    private static final Pattern NODE = Pattern.compile("(normal|reduce)_n(\\d+)");

    public Supports {
        nodes = List.copyOf(nodes);
        perNode = Map.copyOf(perNode);
    }

    public static Supports of(Table metrics) {
        List<String> nodes = new ArrayList<>();
        Map<String, List<String>> perNode = new LinkedHashMap<>();
        for (String column : metrics.header()) {
            if (NODE.matcher(column).matches()) {
                nodes.add(column);
                perNode.put(column, metrics.text(column));
            }
        }
        return new Supports(nodes, perNode);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The entries of {@code node}'s support in epoch row {@code row}, e.g. {@code [sep_conv_3x3@0, skip_connect@1]}. */
    public List<String> entries(String node, int row) {
        List<String> texts = perNode.get(node);
        if (texts == null || row >= texts.size() || texts.get(row).isBlank()) {
            return List.of();
        }
        return List.of(texts.get(row).trim().split("\\+"));
    }

    /**
     * The genotype the supports of row {@code row} describe (the architecture of that epoch), when every node of
     * both cells has two entries; empty otherwise (another search space, or a row not written yet).
     */
    public Optional<Genotype> genotypeAt(int row) {
        Map<String, List<GenotypeEdge>> cells = new LinkedHashMap<>();
        cells.put("normal", new ArrayList<>());
        cells.put("reduce", new ArrayList<>());
        Map<String, Integer> count = new LinkedHashMap<>(Map.of("normal", 0, "reduce", 0));
        for (String node : nodes) {
            Matcher m = NODE.matcher(node);
            m.matches();
            String cell = m.group(1);
            if (Integer.parseInt(m.group(2)) != count.get(cell) + 2) {
                return Optional.empty(); // nodes out of order: not the DARTS cell layout
            }
            count.merge(cell, 1, Integer::sum);
            List<String> entries = entries(node, row);
            if (entries.size() != 2) {
                return Optional.empty();
            }
            for (String e : entries) {
                int at = e.lastIndexOf('@');
                if (at <= 0) {
                    return Optional.empty();
                }
                try {
                    cells.get(cell).add(new GenotypeEdge(e.substring(0, at), Integer.parseInt(e.substring(at + 1))));
                } catch (RuntimeException bad) {
                    return Optional.empty();
                }
            }
        }
        if (count.get("normal") == 0 || count.get("reduce") == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Genotype(cells.get("normal"), concat(count.get("normal")), cells.get("reduce"),
                    concat(count.get("reduce"))));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private static List<Integer> concat(int steps) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            out.add(i + 2);
        }
        return out;
    }
}
