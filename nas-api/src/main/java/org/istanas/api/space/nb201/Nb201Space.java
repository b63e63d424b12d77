package org.istanas.api.space.nb201;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.CellTopology;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceNetworks;

/**
 * The {@code nas-bench-201} space: one cell of 4 nodes shared by the whole network, every edge i→j (i < j)
 * carrying exactly one of the five operations. Its genotype file is
 * {@code {"space": "nas-bench-201", "arch": "|nor_conv_3x3~0|+|...|"}}, readable by any NB201 tool; {@link #parse}
 * also takes the bare architecture string.
 */
public final class Nb201Space implements SearchSpace {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("space", "arch");
    private final SpaceNetworks networks;

    /** A codec-only space (no engine). */
    public Nb201Space() {
        this(null);
    }

    /** @param networks the engine's factory for this space's networks, or {@code null} */
    public Nb201Space(SpaceNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String name() {
        return Nb201Cell.SPACE;
    }

    @Override
    public String description() {
        return "NAS-Bench-201 cell: 4 nodes, 6 edges, one of 5 operations per edge (15,625 cells)";
    }

    @Override
    public List<String> operations() {
        return Nb201Cell.OPERATIONS;
    }

    @Override
    public List<CellTopology> topology() {
        List<CellTopology.Node> nodes = new ArrayList<>();
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            List<Integer> inputs = new ArrayList<>();
            for (int source = 0; source < node; source++) {
                inputs.add(source);
            }
            nodes.add(new CellTopology.Node(node, inputs, node, true));
        }
        return List.of(new CellTopology("cell", nodes));
    }

    @Override
    public Nb201Cell parse(String text, String source) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(source, "source is null");
        String stripped = text.strip();
        if (!stripped.startsWith("{")) {
            return Nb201ArchString.parse(stripped, source);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(stripped);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(source + ": unknown field '" + field + "'; a nas-bench-201 "
                        + "genotype has the fields " + new TreeSet<>(FIELDS));
            }
        }
        JsonNode space = root.get("space");
        if (space == null || !space.isTextual() || !space.asText().equals(Nb201Cell.SPACE)) {
            throw new IllegalArgumentException(source + ": field 'space' must be \"" + Nb201Cell.SPACE + "\", got "
                    + (space == null ? "nothing" : space.toString()));
        }
        JsonNode arch = root.get("arch");
        if (arch == null || !arch.isTextual()) {
            throw new IllegalArgumentException(source + ": field 'arch' must be the architecture string, got "
                    + (arch == null ? "nothing" : arch.toString()));
        }
        return Nb201ArchString.parse(arch.asText(), source + ": field 'arch'");
    }

    @Override
    public String toJson(Architecture architecture) {
        Nb201Cell cell = cell(architecture);
        return "{\"space\": \"" + Nb201Cell.SPACE + "\", \"arch\": \"" + cell.arch() + "\"}\n";
    }

    @Override
    public String text(Architecture architecture) {
        return Nb201Rendering.text(cell(architecture));
    }

    @Override
    public String dot(Architecture architecture) {
        return Nb201Rendering.dot(cell(architecture));
    }

    @Override
    public void checkOperations(Architecture architecture, Collection<String> known) {
        Nb201Cell cell = cell(architecture);
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            if (!known.contains(cell.op(e))) {
                throw new IllegalArgumentException("edge " + e + " (" + cell.op(e) + "~" + Nb201Cell.source(e)
                        + " into node " + Nb201Cell.target(e) + "): unknown operation '" + cell.op(e) + "'; known: "
                        + new TreeSet<>(known));
            }
        }
    }

    @Override
    public Optional<SpaceNetworks> networks() {
        return Optional.ofNullable(networks);
    }

    private static Nb201Cell cell(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture is null");
        if (!(architecture instanceof Nb201Cell cell)) {
            throw new IllegalArgumentException("not a nas-bench-201 cell but a " + architecture.space()
                    + " architecture");
        }
        return cell;
    }
}
