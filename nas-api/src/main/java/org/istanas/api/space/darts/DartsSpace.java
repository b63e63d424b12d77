package org.istanas.api.space.darts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeDot;
import org.istanas.api.genotype.GenotypeJson;
import org.istanas.api.genotype.GenotypeText;
import org.istanas.api.genotype.GenotypeValidator;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.CellTopology;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.SpaceNetworks;

/**
 * The {@code darts} space (Liu et al. 2019), the project's original one: normal and reduction cells of 4
 * intermediate nodes, each keeping two (input, operation) pairs from distinct inputs among the cell inputs and
 * earlier nodes. Its codec is the unchanged genotype format of {@link GenotypeJson}; architectures are
 * {@link Genotype}s.
 */
public final class DartsSpace implements SearchSpace {
    /** The seven DARTS operations in the order that lays out z (the paper's {@code PRIMITIVES} without none). */
    public static final List<String> OPERATIONS = List.of("max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");
    private static final int STEPS = 4;
    private static final int CELL_INPUTS = 2;
    private final SpaceNetworks networks;

    public DartsSpace() {
        this(null);
    }

    /** @param networks the engine's factory for this space's networks, or {@code null} */
    public DartsSpace(SpaceNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String name() {
        return Genotype.SPACE;
    }

    @Override
    public String description() {
        return "DARTS cells: normal and reduce, 4 nodes, 2 (input, op) picks per node, 7 operations";
    }

    @Override
    public List<String> operations() {
        return OPERATIONS;
    }

    @Override
    public List<CellTopology> topology() {
        List<CellTopology> cells = new ArrayList<>();
        for (String cell : List.of("normal", "reduce")) {
            List<CellTopology.Node> nodes = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                int node = step + CELL_INPUTS;
                List<Integer> inputs = new ArrayList<>();
                for (int input = 0; input < node; input++) {
                    inputs.add(input);
                }
                nodes.add(new CellTopology.Node(node, inputs, 2, false));
            }
            cells.add(new CellTopology(cell, nodes));
        }
        return cells;
    }

    @Override
    public Genotype parse(String text, String source) {
        return GenotypeJson.parse(text, source);
    }

    @Override
    public String toJson(Architecture architecture) {
        return GenotypeJson.toJson(genotype(architecture));
    }

    @Override
    public String text(Architecture architecture) {
        return GenotypeText.render(genotype(architecture));
    }

    @Override
    public String dot(Architecture architecture) {
        return GenotypeDot.render(genotype(architecture));
    }

    @Override
    public void checkOperations(Architecture architecture, Collection<String> known) {
        GenotypeValidator.checkOperations(genotype(architecture), known);
    }

    @Override
    public Optional<SpaceNetworks> networks() {
        return Optional.ofNullable(networks);
    }

    private static Genotype genotype(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture is null");
        if (!(architecture instanceof Genotype genotype)) {
            throw new IllegalArgumentException("not a darts genotype but a " + architecture.space() + " architecture");
        }
        return genotype;
    }
}
