package org.istanas.api.search;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.istanas.api.genotype.Genotype;

/**
 * The result of one search.
 *
 * @param strategy      strategy name
 * @param genotype      the architecture found
 * @param runFolder     where the run's files are
 * @param seed          base seed of the run
 * @param epochs        epochs trained
 * @param validAccuracy super-net accuracy on the validation split after the last epoch (the criterion for
 *                      choosing the best of several runs)
 * @param metrics       the last epoch's metrics by column name
 */
public record SearchOutcome(String strategy, Genotype genotype, Path runFolder, long seed, int epochs,
                            double validAccuracy, Map<String, Double> metrics) {
    public SearchOutcome {
        Objects.requireNonNull(strategy, "strategy is null");
        Objects.requireNonNull(genotype, "genotype is null");
        Objects.requireNonNull(runFolder, "runFolder is null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
