package org.istanas.search.twostage;

import org.istanas.search.toolkit.Presets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.istanas.api.search.SearchContext;
import org.istanas.api.network.NetworkEngine;

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

    public DartsStrategy() {
        super(NAME, DartsConfig.class, PRESETS);
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
        return new DartsJob(config, context.dataset(), context.operations(),
                context.service(NetworkEngine.class), context.seed());
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
