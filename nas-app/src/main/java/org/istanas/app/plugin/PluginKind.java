package org.istanas.app.plugin;

import java.util.List;
import java.util.function.Function;
import org.istanas.api.Named;
import org.istanas.api.spi.NasPlugin;

/** The kinds of contribution a {@link NasPlugin} can make, with the words used in messages and listings. */
public enum PluginKind {
    STRATEGY("strategy", "strategies", "Search strategies", NasPlugin::searchStrategies),
    OPERATION("operation", "operations", "Candidate operations", NasPlugin::operations),
    SOLVER("solver", "solvers", "Sparse-coding solvers", NasPlugin::solvers),
    DATASET("dataset", "datasets", "Datasets", NasPlugin::datasets),
    SPACE("space", "spaces", "Search spaces", NasPlugin::searchSpaces),
    EXECUTOR("executor", "executors", "Trial executors", NasPlugin::trialExecutors);

    private final String noun;
    private final String plural;
    private final String title;
    private final Function<NasPlugin, List<? extends Named>> contributions;

    PluginKind(String noun, String plural, String title,
               Function<NasPlugin, List<? extends Named>> contributions) {
        this.noun = noun;
        this.plural = plural;
        this.title = title;
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

    /** What {@code plugin} contributes of this kind (may be null or contain nulls if the plugin is broken). */
    List<? extends Named> contributionsOf(NasPlugin plugin) {
        return contributions.apply(plugin);
    }
}
