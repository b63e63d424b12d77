package org.istanas.search.toolkit;

import java.util.List;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.genotype.GenotypeEdge;
import org.istanas.api.space.Architecture;

/**
 * An architecture on one line for progress output: a DARTS genotype as
 * {@code normal [skip_connect@0 dil_conv_3x3@1 | ...] reduce [...]}, other spaces' architectures in their one-line
 * form (e.g. the NAS-Bench-201 string).
 */
public final class GenotypeLine {
    private GenotypeLine() {
    }

    public static String of(Architecture architecture) {
        return architecture instanceof Genotype genotype ? of(genotype) : architecture.toString();
    }

    public static String of(Genotype genotype) {
        return "normal " + cell(genotype.normal()) + " reduce " + cell(genotype.reduce());
    }

    private static String cell(List<GenotypeEdge> edges) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < edges.size(); i++) {
            if (i > 0) {
                s.append(i % 2 == 0 ? " | " : " ");
            }
            s.append(edges.get(i).op()).append('@').append(edges.get(i).input());
        }
        return s.append(']').toString();
    }
}
