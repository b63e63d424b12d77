package org.istanas.api.spi;

import java.util.List;
import org.istanas.api.ExtensionPoint;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.trial.TrialExecutor;

/**
 * The one entry point of a plugin jar, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.istanas.api.spi.NasPlugin}. A plugin overrides only the methods for what it
 * contributes; every name must be unique across all loaded plugins.
 */
@ExtensionPoint
public interface NasPlugin {
    /** Search strategies, e.g. {@code two-stage}, {@code one-stage}, {@code darts}. */
    default List<SearchStrategy> searchStrategies() {
        return List.of();
    }

    /** Candidate operations of the cell search space, e.g. {@code sep_conv_3x3}. */
    default List<CandidateOperation> operations() {
        return List.of();
    }

    /** Sparse-coding solvers that recover z from b = Az, e.g. {@code fista}. */
    default List<SparseSolver> solvers() {
        return List.of();
    }

    /** Image datasets, e.g. {@code cifar10}, {@code synthetic}. */
    default List<DatasetProvider> datasets() {
        return List.of();
    }

    /** Cell search spaces, e.g. {@code darts}, {@code nas-bench-201}. */
    default List<SearchSpace> searchSpaces() {
        return List.of();
    }

    /** Trial executors that run the trials of an experiment, e.g. {@code local}, {@code slurm}. */
    default List<TrialExecutor> trialExecutors() {
        return List.of();
    }
}
