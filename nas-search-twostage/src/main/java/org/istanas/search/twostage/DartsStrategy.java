package org.istanas.search.twostage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.ops.network.NetworkEngine;
import org.istanas.search.twostage.training.TrainingLoop;

/**
 * First-order DARTS on the dense super-net, the baseline ISTA-NAS is compared with. Its run folder has the same
 * files and columns as a two-stage run (codes.csv holds softmax weights instead of recovered codes). Presets
 * {@code paper} (DARTS's setting), {@code cpu} and {@code smoke} (the two-stage presets' shapes).
 */
public final class DartsStrategy implements SearchStrategy {
    public static final String NAME = "darts";

    static final Presets PRESETS = new Presets(DartsConfig.PAPER, presetChanges());

    private static Map<String, Map<String, Object>> presetChanges() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        p.put("cpu", Map.of("layers", 5, "channels", 8, "trainImages", 3000, "batchSize", 64, "epochs", 10,
                "checkpointEverySteps", 8));
        p.put("smoke", Map.of("layers", 3, "channels", 4, "trainImages", 256, "batchSize", 32, "epochs", 2,
                "loaderWorkers", 1));
        return p;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "first-order DARTS: softmax-mixed dense super-net, top-2 projection (baseline)";
    }

    @Override
    public Class<DartsConfig> configType() {
        return DartsConfig.class;
    }

    @Override
    public List<String> presets() {
        return PRESETS.names();
    }

    @Override
    public Map<String, Object> preset(String name) {
        return PRESETS.get(name, NAME);
    }

    @Override
    public SearchOutcome search(SearchContext context) throws IOException {
        return run(context, false);
    }

    @Override
    public SearchOutcome resume(SearchContext context) throws IOException {
        return run(context, true);
    }

    private SearchOutcome run(SearchContext context, boolean resume) throws IOException {
        DartsConfig config = context.config(DartsConfig.class);
        ProgressListener listener = context.listener();
        try (DartsJob job = new DartsJob(config, context.dataset(), context.operations(),
                context.service(NetworkEngine.class), context.seed())) {
            listener.runStarted("DARTS (first order) search: " + config.epochs() + " epochs of " + job.stepsPerEpoch()
                    + " steps, " + config.layers() + " cells x " + config.channels() + " channels, run folder "
                    + context.runFolder(), config.epochs());
            new TrainingLoop(context.runFolder(), listener, config.checkpointEverySteps(), config.keepCheckpoints())
                    .run(job, resume);
            SearchOutcome outcome = new SearchOutcome(NAME, job.genotype(), context.runFolder().root(),
                    context.seed(), config.epochs(), job.lastValidAccuracy(), LastRow.of(context.runFolder()));
            SearchOutputs.write(context.runFolder(), outcome);
            listener.runFinished("search finished: " + GenotypeLine.of(outcome.genotype()));
            return outcome;
        }
    }
}
