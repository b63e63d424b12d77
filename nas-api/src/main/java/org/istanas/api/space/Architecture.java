package org.istanas.api.space;

/**
 * A discrete architecture of some {@link SearchSpace}: what a search produces, an evaluation trains and a
 * genotype file holds. Each space has its own value type (the DARTS {@link org.istanas.api.genotype.Genotype},
 * the NAS-Bench-201 {@link org.istanas.api.space.nb201.Nb201Cell}); {@link #space()} names the space that reads
 * and renders it.
 */
public interface Architecture {
    /** Name of the search space this architecture belongs to, e.g. {@code darts}, {@code nas-bench-201}. */
    String space();
}
