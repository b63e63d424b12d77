package org.istanas.search.twostage;

import org.istanas.search.toolkit.GenotypeLine;
import org.istanas.search.toolkit.LastRow;
import org.istanas.search.toolkit.Presets;
import org.istanas.search.toolkit.SearchOutputs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.search.toolkit.training.TrainingLoop;

/**
 * What the two super-net strategies (two-stage ISTA-NAS and DARTS) share: presets, search and resume through the
 * {@link TrainingLoop}, and the run folder's final outputs. A subclass only says how to build its job.
 *
 * @param <C> the strategy's configuration record
 */
abstract class SuperNetStrategy<C extends Record> implements SearchStrategy {
    private final String name;
    private final Class<C> configType;
    private final Presets presets;

    SuperNetStrategy(String name, Class<C> configType, Presets presets) {
        this.name = name;
        this.configType = configType;
        this.presets = presets;
    }

    /** Builds the job of one run from its configuration. */
    abstract SuperNetJob createJob(C config, SearchContext context);

    abstract int epochs(C config);

    abstract int checkpointEverySteps(C config);

    abstract int keepCheckpoints(C config);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final List<String> presets() {
        return presets.names();
    }

    @Override
    public final Map<String, Object> preset(String presetName) {
        return presets.get(presetName, name);
    }

    @Override
    public final java.util.Optional<String> presetBase(String presetName) {
        presets.get(presetName, name);
        return presets.base(presetName);
    }

    @Override
    public final SearchOutcome search(SearchContext context) throws IOException {
        return run(context, false);
    }

    @Override
    public final SearchOutcome resume(SearchContext context) throws IOException {
        return run(context, true);
    }

    private SearchOutcome run(SearchContext context, boolean resume) throws IOException {
        C config = context.config(configType);
        ProgressListener listener = context.listener();
        try (SuperNetJob job = createJob(config, context)) {
            listener.runStarted(job.headline() + ", run folder " + context.runFolder(), epochs(config));
            new TrainingLoop(context.runFolder(), listener, checkpointEverySteps(config), keepCheckpoints(config))
                    .run(job, resume);
            SearchOutcome outcome = new SearchOutcome(name, job.genotype(), context.runFolder().root(),
                    context.seed(), epochs(config), job.lastValidAccuracy(), LastRow.of(context.runFolder()));
            SearchOutputs.write(context.runFolder(), outcome);
            listener.runFinished("search finished: " + GenotypeLine.of(outcome.genotype()));
            return outcome;
        }
    }
}
