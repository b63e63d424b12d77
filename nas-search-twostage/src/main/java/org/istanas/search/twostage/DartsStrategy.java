package org.istanas.search.twostage;

import org.istanas.search.toolkit.Nb201Codes;
import org.istanas.search.toolkit.Presets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.search.SearchContext;
import org.istanas.api.network.NetworkEngine;
import java.util.List;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.network.DenseSearchNetwork;
import org.istanas.api.op.CandidateOperation;
import org.istanas.api.run.Seeds;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.api.space.SpaceNetworks;
import org.istanas.api.space.SpaceSearchSpec;
import org.istanas.api.space.nb201.Nb201Cell;

/**
 * First-order DARTS on the dense super-net, the baseline ISTA-NAS is compared with. Its run folder has the same
 * files and columns as a two-stage run (codes.csv holds softmax weights instead of recovered codes). Presets
 * {@code paper} (DARTS's setting), {@code official} (the same: cnn/train_search.py's defaults), {@code cpu} and {@code smoke} (3 cells x 4 channels, 1,000 images, 3 epochs,
 * lr 0.1: about 2 minutes on 2 cores, valid accuracy 0.28 on cifar10-mini with seed 1).
 */
public final class DartsStrategy extends SuperNetStrategy<DartsConfig> {
    public static final String NAME = "darts";

    static final Presets PRESETS = new Presets(DartsConfig.PAPER, presetChanges(),
            Map.of("cpu", "paper", "smoke", "paper"));

    /**
     * Presets of a {@code nas-bench-201} search: {@code paper} is the official NB201 DARTS (50 epochs, batch 64,
     * C = 16, N = 5, SGD 0.025 cosine to 0.001, momentum 0.9, weight decay 5e-4, clip 5; α Adam 3e-4, (0.5, 0.999),
     * 1e-3, init 1e-3 N(0,1)) without Nesterov momentum; {@code cpu} and {@code smoke} reduce it as two-stage's do.
     */
    static final Presets NB201_PRESETS = new Presets(DartsConfig.PAPER, nb201PresetChanges(),
            Map.of("cpu", "paper", "smoke", "paper"));

    public DartsStrategy() {
        super(NAME, DartsConfig.class, PRESETS, NB201_PRESETS);
    }

    private static Map<String, Map<String, Object>> nb201PresetChanges() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of("epochs", 50, "batchSize", 64, "layers", 5, "channels", 16, "learningRate", 0.025,
                "learningRateMin", 0.001, "weightDecay", 5e-4, "archLearningRate", 3e-4, "archInitScale", 1e-3));
        p.put("cpu", Map.of("trainImages", 10000, "layers", 2, "channels", 8, "epochs", 10,
                "checkpointEverySteps", 20));
        p.put("smoke", Map.of("trainImages", 1000, "layers", 1, "channels", 8, "batchSize", 32, "epochs", 3,
                "learningRate", 0.1, "loaderWorkers", 1));
        return p;
    }

    /** Run folders written before the fidelity keys (issue 13) searched 7 operations, with the reduce-skip BN. */
    @Override
    public Map<String, Object> legacyDefaults() {
        return Map.of("withNone", false, "schedulerStepsFirst", false, "bnAfterReduceSkip", true);
    }

    private static Map<String, Map<String, Object>> presetChanges() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        // quark0/darts cnn/train_search.py defaults are the published first-order setting: the same values
        p.put("official", Map.of());
        p.put("cpu", Map.of("trainImages", 10000, "batchSize", 64, "epochs", 20, "checkpointEverySteps", 8));
        p.put("smoke", Map.of("layers", 3, "channels", 4, "trainImages", 1000, "batchSize", 32, "epochs", 3,
                "learningRate", 0.1, "loaderWorkers", 1));
        return p;
    }

    @Override
    public String description() {
        return "first-order DARTS: softmax-mixed dense super-net, top-2 projection (baseline)";
    }

    @Override
    SuperNetJob createJob(DartsConfig config, SearchContext context) {
        NetworkEngine engine = context.service(NetworkEngine.class);
        if (!context.spaceName().equals(Nb201Cell.SPACE)) {
            return new DartsJob(config, context.dataset(), context.operations(), engine, context.seed());
        }
        // the official NB201 DARTS: softmax over every op of the space, none included, and per-edge argmax
        List<CandidateOperation> operations = DartsJob.withNone(context.operations(), config.withNone());
        SpaceNetworks networks = context.space().networks().orElseThrow(() -> new IllegalStateException(
                "no loaded engine builds " + Nb201Cell.SPACE + " networks"));
        ImageDataset dataset = context.dataset();
        Nb201Codes codes = new Nb201Codes(operations, true);
        DenseSearchNetwork network = networks.denseSearchNetwork(new SpaceSearchSpec(
                Augmentation.networkInput(dataset),
                dataset.numClasses(), config.channels(), config.layers(), codes.operations(),
                Seeds.derive(context.seed(), "weights")));
        return new DartsJob(config, dataset, codes, DartsJob.indexOfNone(operations), engine, context.seed(),
                network);
    }

    @Override
    int epochs(DartsConfig config) {
        return config.epochs();
    }

    @Override
    int checkpointEverySteps(DartsConfig config) {
        return config.checkpointEverySteps();
    }

    @Override
    int keepCheckpoints(DartsConfig config) {
        return config.keepCheckpoints();
    }
}
