package org.istanas.search.twostage;

import org.istanas.search.toolkit.OracleColumns;
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
import org.istanas.api.search.SuperNetScorer;
import org.istanas.api.space.nb201.Nb201Cell;
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
    private final Presets nb201Presets;

    /**
     * @param nb201Presets the presets of a {@code nas-bench-201} search (the same names, that space's recipes), or
     *                     {@code null} when the strategy searches {@code darts} only
     */
    SuperNetStrategy(String name, Class<C> configType, Presets presets, Presets nb201Presets) {
        this.name = name;
        this.configType = configType;
        this.presets = presets;
        this.nb201Presets = nb201Presets;
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
    public final Map<String, Object> preset(String presetName, String space) {
        return space.equals(Nb201Cell.SPACE) ? nb201Presets.get(presetName, name + " on " + space)
                : preset(presetName);
    }

    @Override
    public final List<String> spaces() {
        return nb201Presets == null ? List.of("darts") : List.of("darts", Nb201Cell.SPACE);
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

    @Override
    public final SuperNetScorer openSuperNet(SearchContext context) throws IOException {
        SuperNetJob job = createJob(context.config(configType), context);
        try {
            return job.scorer(TrainingLoop.loadLatest(context.runFolder(), job));
        } catch (IOException | RuntimeException e) {
            job.close();
            throw e;
        }
    }

    private SearchOutcome run(SearchContext context, boolean resume) throws IOException {
        C config = context.config(configType);
        ProgressListener listener = context.listener();
        try (SuperNetJob job = createJob(config, context)) {
            job.useOracle(new OracleColumns(context.oracle()));
            listener.runStarted(job.headline() + ", run folder " + context.runFolder(), epochs(config));
            new TrainingLoop(context.runFolder(), listener, checkpointEverySteps(config), keepCheckpoints(config))
                    .run(job, resume);
            SearchOutcome outcome = new SearchOutcome(name, job.architecture(), context.runFolder().root(),
                    context.seed(), epochs(config), job.lastValidAccuracy(), LastRow.of(context.runFolder()));
            SearchOutputs.write(context.runFolder(), outcome, context.spaceName().equals("darts") ? null
                    : context.space());
            context.oracle().ifPresent(o -> listener.message(OracleColumns.summary(o, outcome.architecture())));
            listener.runFinished("search finished: " + GenotypeLine.of(outcome.architecture()));
            return outcome;
        }
    }
}
