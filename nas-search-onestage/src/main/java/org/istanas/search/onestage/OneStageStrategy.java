package org.istanas.search.onestage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.istanas.api.run.ProgressListener;
import org.istanas.api.run.RunFolder;
import org.istanas.api.search.SearchContext;
import org.istanas.api.search.SearchOutcome;
import org.istanas.api.search.SearchStrategy;
import org.istanas.api.network.NetworkEngine;
import org.istanas.api.space.Architecture;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.space.nb201.Nb201Cell;
import org.istanas.search.toolkit.GenotypeLine;
import org.istanas.search.toolkit.LastRow;
import org.istanas.search.toolkit.Nb201Codes;
import org.istanas.search.toolkit.OracleColumns;
import org.istanas.search.toolkit.SearchOutputs;
import org.istanas.search.toolkit.training.TrainingLoop;

/**
 * One-stage ISTA-NAS (Algorithm 2): search and training in one network at target-net settings, per-node
 * termination, then training with the architecture fixed, and finally z folded into the BN layers so the result is
 * an ordinary target network. The run folder gets, besides the shared files (metrics.csv with a {@code
 * searching_nodes} column, codes.csv, checkpoints/), genotype.json, result.json ({@code testAccuracy} before
 * folding, {@code foldedTestAccuracy} after, {@code maxAbsLogitDiff}) and {@code model/}, an evaluation folder
 * holding the folded network. With {@code reevaluate = N}, N retrainings from scratch follow in
 * {@code reevaluate-1..N/} and result.json gains their mean ± std. It searches {@code darts} cells and
 * {@code nas-bench-201} ({@link Nb201OneStage}: one op per edge, {@code none} excluded, genotype.json in the space's
 * format, {@code --benchmark} columns). Presets: see {@link OneStagePresets}, per space.
 */
public final class OneStageStrategy implements SearchStrategy {
    public static final String NAME = "one-stage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one-stage ISTA-NAS: search and train one network, per-node termination, z folded into BN (Algorithm 2)";
    }

    @Override
    public Class<OneStageConfig> configType() {
        return OneStageConfig.class;
    }

    @Override
    public List<String> presets() {
        return OneStagePresets.names();
    }

    @Override
    public Map<String, Object> preset(String name) {
        return OneStagePresets.get(name);
    }

    /** On nas-bench-201 the same names with that space's recipes (docs/spaces.md). */
    @Override
    public Map<String, Object> preset(String name, String space) {
        return space.equals(Nb201Cell.SPACE) ? OneStagePresets.nb201(name) : preset(name);
    }

    @Override
    public List<String> spaces() {
        return List.of("darts", Nb201Cell.SPACE);
    }

    /** On nas-bench-201 every edge computes one op, so {@code none} is no candidate (docs/spaces.md). */
    @Override
    public List<String> defaultOperations(SearchSpace space) {
        return Nb201Codes.defaultOperations(space);
    }

    @Override
    public java.util.Optional<String> presetBase(String name) {
        OneStagePresets.get(name);
        return OneStagePresets.PRESETS.base(name);
    }

    /**
     * Run folders written before the fidelity keys (issue 13) clipped b with the weights, froze ops outside the
     * support and flagged no node in the first epoch.
     */
    @Override
    public Map<String, Object> legacyDefaults() {
        return Map.of("clipArchitectureGradients", true, "updateOpsOutsideSupport", false,
                "terminationFromEpoch", 1, "solverWarmStart", true, "warmupEpochs", 0);
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
        OneStageConfig config = context.config(OneStageConfig.class);
        ProgressListener listener = context.listener();
        RunFolder folder = context.runFolder();
        NetworkEngine engine = context.service(NetworkEngine.class);
        Map<String, Object> extra = new LinkedHashMap<>();
        SearchOutcome outcome;
        boolean nb201 = context.spaceName().equals(Nb201Cell.SPACE);
        OneStageSpace space = nb201
                ? new Nb201OneStage(config, context.dataset(), context.operations(), context.space(), context.seed())
                : new DartsOneStage(config, context.dataset(), context.operations(), engine, context.seed());
        try (OneStageJob job = new OneStageJob(config, context.dataset(), space, context.solver(), engine,
                context.seed(), listener)) {
            job.useOracle(new OracleColumns(context.oracle()));
            listener.runStarted("one-stage ISTA-NAS: at most " + config.maxSearchEpochs() + " search epochs, then "
                    + config.retrainEpochs() + " retrain epochs, " + job.stepsPerEpoch() + " steps each, "
                    + space.shape(config) + ", epsilon = " + config.epsilon() + ", solver "
                    + context.solver().name() + ", run folder " + folder, job.epochs());
            new TrainingLoop(folder, listener, config.checkpointEverySteps(), config.keepCheckpoints()).run(job, resume);

            TestImages.FoldCheck check;
            Architecture architecture;
            long parameters;
            try (Folded folded = job.fold()) {
                check = job.compareFolded(folded.network());
                architecture = folded.architecture();
                parameters = folded.network().parameterCount();
                space.saveModel(folder, config, folded, context.seed(), check);
            }
            extra.put("searchEpochs", job.searchEpochs());
            extra.put("retrainEpochs", config.retrainEpochs());
            extra.put("terminatedNodes", job.state().nodes().size() - job.state().searching().size());
            extra.put("testImages", check.images());
            extra.put("testAccuracy", check.testAccuracy());
            extra.put("foldedTestAccuracy", check.foldedTestAccuracy());
            extra.put("maxAbsLogitDiff", check.maxAbsLogitDiff());
            extra.put("parameters", parameters);
            extra.put("model", FoldedModel.FOLDER);
            outcome = new SearchOutcome(NAME, architecture, folder.root(), context.seed(), job.epochs(),
                    check.foldedTestAccuracy(), LastRow.of(folder));
            SearchOutputs.write(folder, outcome, nb201 ? context.space() : null, extra);
            listener.message(String.format(Locale.ROOT, "folded: test accuracy %.2f%% before, %.2f%% after,"
                    + " max |logit difference| %.3g", 100 * check.testAccuracy(), 100 * check.foldedTestAccuracy(),
                    check.maxAbsLogitDiff()));
            if (context.oracle().isPresent()) {
                listener.message(OracleColumns.summary(context.oracle().get(), architecture));
            }
        }
        if (config.reevaluate() > 0) {
            ReEvaluation.Summary summary = new ReEvaluation(config, outcome.genotype(), context.dataset(),
                    context.operations(), engine).run(folder, context.seed(), config.reevaluate(),
                    outcome.validAccuracy(), listener);
            extra.put("reevaluations", summary.reevaluations());
            extra.put("reevaluation", summary.testAccuracy());
            SearchOutputs.write(folder, outcome, extra);
            listener.message("re-evaluated test accuracy: " + summary.testAccuracy().toText(4));
        }
        listener.runFinished("one-stage search finished: " + GenotypeLine.of(outcome.architecture()));
        return outcome;
    }
}
