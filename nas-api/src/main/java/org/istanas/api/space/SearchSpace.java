package org.istanas.api.space;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.Named;

/**
 * A cell search space: its candidate operations, the topology of its cells, the codec of its architectures
 * (genotype files, text and Graphviz renderings) and, when the engine supports it, how its networks are built.
 * Spaces are plugins like strategies and solvers ({@link org.istanas.api.spi.NasPlugin#searchSpaces()}); the
 * built-in ones are {@code darts} and {@code nas-bench-201}.
 */
@ExtensionPoint
public interface SearchSpace extends Named {
    /** The space's own candidate operations, in the order that lays out architecture codes. */
    List<String> operations();

    /** One entry per cell type (two in DARTS, one shared cell in NAS-Bench-201). */
    List<CellTopology> topology();

    /**
     * Reads an architecture of this space from its genotype-file text (or, where the space has one, its
     * one-line form such as the NAS-Bench-201 string).
     *
     * @param source names the text in error messages (a file name, {@code --genotype})
     * @throws IllegalArgumentException starting with {@code source} and naming the offending field or entry
     */
    Architecture parse(String text, String source);

    /** The genotype-file JSON of {@code architecture}; {@link #parse} reads it back to an equal value. */
    String toJson(Architecture architecture);

    /** Human-readable rendering, one node per line. */
    String text(Architecture architecture);

    /** Graphviz DOT rendering. */
    String dot(Architecture architecture);

    /**
     * Checks that every operation of {@code architecture} is one of {@code known}.
     *
     * @throws IllegalArgumentException naming the first entry with an unknown operation and listing the known ones
     */
    void checkOperations(Architecture architecture, Collection<String> known);

    /** How this space's networks are built; empty when no loaded engine builds them. */
    default Optional<SpaceNetworks> networks() {
        return Optional.empty();
    }
}
