package org.istanas.search.twostage;

import org.istanas.search.toolkit.Nb201Codes;
import org.istanas.search.toolkit.Presets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.search.SearchContext;
import org.istanas.api.network.NetworkEngine;
import java.util.List;
import org.istanas.api.network.SparseSearchNetwork;
import org.istanas.api.space.SearchSpace;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;

/**
 * Two-stage ISTA-NAS (Algorithm 1): searches in the compressed space of b with exactly s ops per node computed,
 * then outputs the support of the last recovered code. Presets:
 * <ul>
 *   <li>{@code paper}: the supplementary material (50 epochs, batch 256, 8 cells x 16 channels, lr 0.2 cosine to
 *       0);</li>
 *   <li>{@code official}: the released run command (main_search.sh): as {@code paper} but lr 0.1 cosine to 0.001;
 *       </li>
 *   <li>{@code cpu}, {@code smoke}, {@code demo} build on {@code paper} (they change its data, size, epochs and
 *       learning rates); every preset uses the official code's behaviours (clip scope, ops leaving the support,
 *       scheduler timing, BN placement), which are the record defaults;</li>
 *   <li>{@code cpu}: the paper's super-net (8 cells x 16 channels), 10,000 training images, batch 64, 20 epochs,
 *       lr 0.05; b starts at
 *       0.1 N(0,1) and learns at 3e-3 so that the 16x fewer architecture steps still move it - about an hour on
 *       2 CPU cores;</li>
 *   <li>{@code smoke}: 3 cells x 8 channels, 1,000 images, batch 32, 4 epochs, lr 0.1, b starting at 0.1 N(0,1)
 *       with Adam 3e-3 - under a minute on 2 cores, and it learns (about 0.2-0.26 valid accuracy on cifar10-mini
 *       against 0.1 chance), for testing an installation and the pipeline.</li>
 *   <li>{@code demo}: 3 cells x 8 channels, 1,000 images, batch 50, 8 epochs, no augmentation, lr 0.1, b starting at
 *       0.1 N(0,1) with Adam 3e-3 - what {@code istanas demo} runs on its small synthetic dataset.</li>
 * </ul>
 */
public final class TwoStageStrategy extends SuperNetStrategy<TwoStageConfig> {
    public static final String NAME = "two-stage";

    static final Presets PRESETS = new Presets(TwoStageConfig.PAPER, presetChanges(),
            Map.of("cpu", "paper", "smoke", "paper", "demo", "paper"));

    /**
     * Presets of a {@code nas-bench-201} search. {@code paper}: the official NAS-Bench-201 one-shot settings (DARTS
     * column of its reference: 50 epochs, batch 64, C = 16, N = 5, SGD 0.025 cosine to 0.001, momentum 0.9, weight
     * decay 5e-4, clip 5; architecture Adam 3e-4, (0.5, 0.999), 1e-3, init 1e-3 N(0,1); half the training images
     * train the weights, half the architecture) without Nesterov momentum, which the engine's SGD does not have.
     * {@code cpu} and {@code smoke} build on it; docs/spaces.md says what they reduce.
     */
    static final Presets NB201_PRESETS = new Presets(TwoStageConfig.PAPER, nb201PresetChanges(),
            Map.of("cpu", "paper", "smoke", "paper"));

    public TwoStageStrategy() {
        super(NAME, TwoStageConfig.class, PRESETS, NB201_PRESETS);
    }

    static Map<String, Map<String, Object>> nb201PresetChanges() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.ofEntries(Map.entry("epochs", 50), Map.entry("batchSize", 64), Map.entry("layers", 5),
                Map.entry("channels", 16), Map.entry("learningRate", 0.025), Map.entry("learningRateMin", 0.001),
                Map.entry("weightDecay", 5e-4), Map.entry("archLearningRate", 3e-4),
                Map.entry("archInitScale", 1e-3)));
        // 10,000 training images, N = 2 (9 cells instead of 15), C = 8, 10 epochs; b starts larger and learns faster
        // so that the fewer architecture steps still move it (as the darts cpu preset)
        p.put("cpu", Map.ofEntries(Map.entry("trainImages", 10000), Map.entry("layers", 2),
                Map.entry("channels", 8), Map.entry("epochs", 10), Map.entry("learningRate", 0.05),
                Map.entry("archLearningRate", 3e-3), Map.entry("archInitScale", 0.1),
                Map.entry("checkpointEverySteps", 20)));
        p.put("smoke", Map.ofEntries(Map.entry("trainImages", 1000), Map.entry("layers", 1),
                Map.entry("channels", 8), Map.entry("batchSize", 32), Map.entry("epochs", 3),
                Map.entry("learningRate", 0.1), Map.entry("archLearningRate", 3e-3), Map.entry("archInitScale", 0.1),
                Map.entry("loaderWorkers", 1)));
        return p;
    }

    /** Run folders written before the fidelity keys (issue 13) ran without them: b outside the clip, frozen ops. */
    @Override
    public Map<String, Object> legacyDefaults() {
        return Map.of("clipArchitectureGradients", false, "updateOpsOutsideSupport", false,
                "schedulerStepsFirst", false, "bnAfterReduceSkip", true, "solverWarmStart", true);
    }

    private static Map<String, Map<String, Object>> presetChanges() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        // main_search.sh: --batch_size 256 --learning_rate 0.1 --arch_learning_rate 6e-4; train_search.py's
        // learning_rate_min 0.001; the behaviour keys are at their (official) defaults in every preset
        p.put("official", Map.of("learningRate", 0.1, "learningRateMin", 0.001));
        p.put("cpu", Map.ofEntries(Map.entry("trainImages", 10000),
                Map.entry("batchSize", 64), Map.entry("epochs", 20), Map.entry("learningRate", 0.05),
                Map.entry("archLearningRate", 3e-3), Map.entry("archInitScale", 0.1),
                Map.entry("checkpointEverySteps", 8)));
        p.put("smoke", Map.of("layers", 3, "channels", 8, "trainImages", 1000, "batchSize", 32, "epochs", 4,
                "learningRate", 0.1, "archLearningRate", 3e-3, "archInitScale", 0.1, "loaderWorkers", 1));
        p.put("demo", Map.of("layers", 3, "channels", 8, "trainImages", 1000, "batchSize", 50, "epochs", 8,
                "learningRate", 0.1, "archLearningRate", 3e-3, "archInitScale", 0.1, "augment", false,
                "loaderWorkers", 1));
        return p;
    }

    @Override
    public String description() {
        return "two-stage ISTA-NAS: sparse coding of the architecture, s ops per node trained (Algorithm 1)";
    }

    /** On nas-bench-201 every edge computes one op, so {@code none} is no candidate (docs/spaces.md). */
    @Override
    public List<String> defaultOperations(SearchSpace space) {
        return Nb201Codes.defaultOperations(space);
    }

    @Override
    SuperNetJob createJob(TwoStageConfig config, SearchContext context) {
        NetworkEngine engine = context.service(NetworkEngine.class);
        if (!context.spaceName().equals(Nb201Cell.SPACE)) {
            return new TwoStageJob(config, context.dataset(), context.operations(), context.solver(), engine,
                    context.seed());
        }
        Nb201Codes codes = new Nb201Codes(context.operations());
        SpaceNetworks networks = context.space().networks().orElseThrow(() -> new IllegalStateException(
                "no loaded engine builds " + Nb201Cell.SPACE + " networks"));
        var dataset = context.dataset();
        SparseSearchNetwork network = networks.sparseSearchNetwork(new SpaceSearchSpec(
                Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), codes.operations(),
                Seeds.derive(context.seed(), "weights")));
        return new TwoStageJob(config, dataset, codes, context.solver(), engine, context.seed(), network);
    }

    @Override
    int epochs(TwoStageConfig config) {
        return config.epochs();
    }

    @Override
    int checkpointEverySteps(TwoStageConfig config) {
        return config.checkpointEverySteps();
    }

    @Override
    int keepCheckpoints(TwoStageConfig config) {
        return config.keepCheckpoints();
    }
}
