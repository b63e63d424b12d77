package org.istanas.search.twostage;

import org.istanas.search.toolkit.OracleColumns;
import org.istanas.api.space.Architecture;
import org.istanas.search.toolkit.training.TrainingJob;

/** A super-net search as {@link SuperNetStrategy} runs it: a training job that yields an architecture. */
interface SuperNetJob extends TrainingJob, AutoCloseable {
    /** The architecture the search has found so far (final once the last epoch has finished). */
    Architecture architecture();

    /** This job's super-net as a scorer of single architectures (the scorer owns the job). */
    SuperNetCellScorer scorer(int epochsTrained);

    /** Records the oracle's values of the architecture in every epoch's metrics; call before training starts. */
    void useOracle(OracleColumns columns);

    /** Super-net accuracy on the validation split after the last finished epoch. */
    double lastValidAccuracy();

    /** One line for the start of the run, e.g. the sizes and the solver. */
    String headline();

    @Override
    void close();
}
