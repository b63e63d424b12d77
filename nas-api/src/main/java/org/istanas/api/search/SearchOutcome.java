package org.istanas.api.search;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.space.Architecture;

/**
 * The result of one search.
 *
 * @param strategy      strategy name
 * @param architecture  the architecture found (a DARTS {@link Genotype}, a NAS-Bench-201 cell, ...)
 * @param runFolder     where the run's files are
 * @param seed          base seed of the run
 * @param epochs        epochs trained
 * @param validAccuracy super-net accuracy on the validation split after the last epoch (the criterion for
 *                      choosing the best of several runs)
 * @param metrics       the last epoch's metrics by column name
 */
public record SearchOutcome(String strategy, Architecture architecture, Path runFolder, long seed, int epochs,
                            double validAccuracy, Map<String, Double> metrics) {
    public SearchOutcome {
        Objects.requireNonNull(strategy, "strategy is null");
        Objects.requireNonNull(architecture, "architecture is null");
        Objects.requireNonNull(runFolder, "runFolder is null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The architecture as a DARTS genotype.
     *
     * @throws IllegalStateException when the run searched another space
     */
    public Genotype genotype() {
        if (architecture instanceof Genotype genotype) {
            return genotype;
        }
        throw new IllegalStateException("the run in " + runFolder + " found a " + architecture.space()
                + " architecture, not a darts genotype");
    }
}
