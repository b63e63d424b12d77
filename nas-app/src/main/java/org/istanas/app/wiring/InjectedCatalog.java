package org.istanas.app.wiring;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.spi.PluginCatalog;
import org.istanas.api.trial.TrialExecutor;
import org.istanas.app.plugin.PluginKind;
import org.istanas.app.plugin.PluginLoadException;
import org.istanas.plugin.guice.NamedChoice;

/**
 * The {@link PluginCatalog} the application runs with: the injector's {@code Map<String, X>} of each extension
 * point, which hold what the plugins list and what their Guice modules bind. A name is chosen from its map
 * ({@link NamedChoice}); lists are sorted by name, except operations, which keep binding order (registration order
 * of the listed operations, then those of plugin modules) because that order lays out the architecture code z.
 */
final class InjectedCatalog implements PluginCatalog {
    private final Map<String, SearchStrategy> strategies;
    private final Map<String, CandidateOperation> operations;
    private final Map<String, SparseSolver> solvers;
    private final Map<String, DatasetProvider> datasets;
    private final Map<String, SearchSpace> spaces;
    private final Map<String, TrialExecutor> executors;

    @Inject
    InjectedCatalog(Map<String, SearchStrategy> strategies, Map<String, CandidateOperation> operations,
                    Map<String, SparseSolver> solvers, Map<String, DatasetProvider> datasets,
                    Map<String, SearchSpace> spaces, Map<String, TrialExecutor> executors) {
        this.strategies = checked(PluginKind.STRATEGY, strategies);
        this.operations = checked(PluginKind.OPERATION, operations);
        this.solvers = checked(PluginKind.SOLVER, solvers);
        this.datasets = checked(PluginKind.DATASET, datasets);
        this.spaces = checked(PluginKind.SPACE, spaces);
        this.executors = checked(PluginKind.EXECUTOR, executors);
    }

    /** A plugin module may bind an implementation under any key: it must be the name the object gives itself. */
    private static <T extends Named> Map<String, T> checked(PluginKind kind, Map<String, T> byName) {
        byName.forEach((key, item) -> {
            if (!key.equals(item.name())) {
                throw new PluginLoadException(kind.noun() + " bound as '" + key + "' names itself '" + item.name()
                        + "' (" + item.getClass().getName() + "); bind it under its name");
            }
        });
        return byName;
    }

    @Override
    public SearchStrategy strategy(String name) {
        return NamedChoice.choose(strategies, PluginKind.STRATEGY.noun(), name);
    }

    @Override
    public CandidateOperation operation(String name) {
        return NamedChoice.choose(operations, PluginKind.OPERATION.noun(), name);
    }

    @Override
    public SparseSolver solver(String name) {
        return NamedChoice.choose(solvers, PluginKind.SOLVER.noun(), name);
    }

    @Override
    public DatasetProvider dataset(String name) {
        return NamedChoice.choose(datasets, PluginKind.DATASET.noun(), name);
    }

    @Override
    public SearchSpace space(String name) {
        return NamedChoice.choose(spaces, PluginKind.SPACE.noun(), name);
    }

    @Override
    public TrialExecutor executor(String name) {
        return NamedChoice.choose(executors, PluginKind.EXECUTOR.noun(), name);
    }

    @Override
    public List<SearchStrategy> strategies() {
        return sorted(strategies);
    }

    @Override
    public List<CandidateOperation> operations() {
        return List.copyOf(operations.values());
    }

    @Override
    public List<SparseSolver> solvers() {
        return sorted(solvers);
    }

    @Override
    public List<DatasetProvider> datasets() {
        return sorted(datasets);
    }

    @Override
    public List<SearchSpace> spaces() {
        return sorted(spaces);
    }

    @Override
    public List<TrialExecutor> executors() {
        return sorted(executors);
    }

    private static <T extends Named> List<T> sorted(Map<String, T> byName) {
        List<T> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(Named::name)); // = the keys, checked above
        return List.copyOf(list);
    }
}
