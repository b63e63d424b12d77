package org.istanas.search.toolkit.eval;

import java.nio.file.Path;
import org.istanas.api.genotype.Genotype;

/**
 * Outcome of retraining (or re-testing) one genotype with one seed.
 *
 * @param genotype     the architecture trained
 * @param seed         the seed of weights, order and augmentation
 * @param epochs       epochs trained
 * @param testAccuracy accuracy on the (used part of the) test split
 * @param testLoss     mean loss on it
 * @param parameters   trainable parameters (auxiliary head excluded)
 * @param runFolder    where the run's files are
 */
public record EvaluationResult(Genotype genotype, long seed, int epochs, double testAccuracy, double testLoss,
                               long parameters, Path runFolder) {
}
