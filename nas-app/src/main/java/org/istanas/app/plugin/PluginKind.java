package org.istanas.app.plugin;

import java.util.List;
import java.util.function.Function;
import org.istanas.api.Named;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.solver.SparseSolver;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.trial.TrialExecutor;
import org.istanas.api.spi.NasPlugin;

/** The kinds of contribution a {@link NasPlugin} can make, with the words used in messages and listings. */
public enum PluginKind {
    STRATEGY("strategy", "strategies", "Search strategies", SearchStrategy.class, NasPlugin::searchStrategies),
    OPERATION("operation", "operations", "Candidate operations", CandidateOperation.class, NasPlugin::operations),
    SOLVER("solver", "solvers", "Sparse-coding solvers", SparseSolver.class, NasPlugin::solvers),
    DATASET("dataset", "datasets", "Datasets", DatasetProvider.class, NasPlugin::datasets),
    SPACE("space", "spaces", "Search spaces", SearchSpace.class, NasPlugin::searchSpaces),
    EXECUTOR("executor", "executors", "Trial executors", TrialExecutor.class, NasPlugin::trialExecutors);

    private final String noun;
    private final String plural;
    private final String title;
    private final Class<? extends Named> type;
    private final Function<NasPlugin, List<? extends Named>> contributions;

    PluginKind(String noun, String plural, String title, Class<? extends Named> type,
               Function<NasPlugin, List<? extends Named>> contributions) {
        this.noun = noun;
        this.plural = plural;
        this.title = title;
        this.type = type;
        this.contributions = contributions;
    }

    /** Singular noun used in messages: {@code unknown solver 'mosek'}. */
    public String noun() {
        return noun;
    }

    /** Plural noun, used as a JSON field name: {@code solvers}. */
    public String plural() {
        return plural;
    }

    /** Heading used in listings. */
    public String title() {
        return title;
    }

    /** The extension-point interface of this kind: the value type of its {@code Map<String, X>} in the injector. */
    public Class<? extends Named> type() {
        return type;
    }

    /** What {@code plugin} contributes of this kind (may be null or contain nulls if the plugin is broken). */
    List<? extends Named> contributionsOf(NasPlugin plugin) {
        return contributions.apply(plugin);
    }
}
