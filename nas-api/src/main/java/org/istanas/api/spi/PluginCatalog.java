package org.istanas.api.spi;

import java.util.List;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.trial.TrialExecutor;

/**
 * Everything the loaded plugins contribute, looked up by name. Lookups of an unknown name throw
 * {@link IllegalArgumentException} with the message {@code unknown solver 'mosek'; known: [fista, ista, lp]}.
 * Lists are sorted by name, except {@link #operations()}, which keeps registration order (it defines the layout of z).
 */
public interface PluginCatalog {
    SearchStrategy strategy(String name);

    CandidateOperation operation(String name);

    SparseSolver solver(String name);

    DatasetProvider dataset(String name);

    /** The trial executor {@code name} (a default for catalogs written before executors existed: none known). */
    default TrialExecutor executor(String name) {
        throw new IllegalArgumentException("unknown executor '" + name + "'; known: []");
    }

    List<SearchStrategy> strategies();

    List<CandidateOperation> operations();

    List<SparseSolver> solvers();

    List<DatasetProvider> datasets();

    /** The loaded search spaces, sorted by name. */
    default List<SearchSpace> spaces() {
        return List.of();
    }

    /** The search space named {@code name}; {@code unknown search space 'x'; known: [darts, nas-bench-201]}. */
    default SearchSpace space(String name) {
        return spaces().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown search space '" + name + "'; known: "
                        + spaces().stream().map(Named::name).sorted().toList()));
    }

    default List<TrialExecutor> executors() {
        return List.of();
    }
}
