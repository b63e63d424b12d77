package org.istanas.search.toolkit.eval;

import java.nio.file.Path;
import org.istanas.api.genotype.Genotype;
import org.istanas.api.space.Architecture;

/**
 * Outcome of retraining (or re-testing) one architecture with one seed.
 *
 * @param architecture the architecture trained (a DARTS {@link Genotype}, a NAS-Bench-201 cell, ...)
 * @param seed         the seed of weights, order and augmentation
 * @param epochs       epochs trained
 * @param testAccuracy accuracy on the (used part of the) test split
 * @param testLoss     mean loss on it
 * @param parameters   trainable parameters (auxiliary head excluded)
 * @param runFolder    where the run's files are
 */
public record EvaluationResult(Architecture architecture, long seed, int epochs, double testAccuracy,
                               double testLoss, long parameters, Path runFolder) {
    /**
     * The DARTS genotype trained.
     *
     * @throws IllegalStateException when the architecture is of another space
     */
    public Genotype genotype() {
        if (architecture instanceof Genotype genotype) {
            return genotype;
        }
        throw new IllegalStateException("a " + architecture.space() + " architecture, not a darts genotype");
    }
}
