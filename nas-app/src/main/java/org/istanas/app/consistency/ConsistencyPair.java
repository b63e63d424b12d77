package org.istanas.app.consistency;

import java.util.Objects;

/**
 * One architecture of the experiment.
 *
 * @param run                index of the search
 * @param seed               seed of the search
 * @param searchFolder       the search's run folder, relative to the experiment folder
 * @param genotypeFile       the genotype found, relative to the experiment folder
 * @param evaluationFolder   the evaluation's run folder, relative to the experiment folder
 * @param searchAccuracy     final super-net validation accuracy of the search
 * @param evaluationAccuracy test accuracy of the genotype retrained stand-alone
 */
public record ConsistencyPair(int run, long seed, String searchFolder, String genotypeFile, String evaluationFolder,
                              double searchAccuracy, double evaluationAccuracy) {
    public ConsistencyPair {
        Objects.requireNonNull(searchFolder, "searchFolder is null");
        Objects.requireNonNull(genotypeFile, "genotypeFile is null");
        Objects.requireNonNull(evaluationFolder, "evaluationFolder is null");
    }
}
