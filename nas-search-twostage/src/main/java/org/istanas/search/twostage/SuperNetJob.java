package org.istanas.search.twostage;

import org.istanas.api.genotype.Genotype;
import org.istanas.search.toolkit.training.TrainingJob;

/** A super-net search as {@link SuperNetStrategy} runs it: a training job that yields a genotype. */
interface SuperNetJob extends TrainingJob, AutoCloseable {
    /** The genotype the search has found so far (final once the last epoch has finished). */
    Genotype genotype();

    /** Super-net accuracy on the validation split after the last finished epoch. */
    double lastValidAccuracy();

    /** One line for the start of the run, e.g. the sizes and the solver. */
    String headline();

    @Override
    void close();
}
