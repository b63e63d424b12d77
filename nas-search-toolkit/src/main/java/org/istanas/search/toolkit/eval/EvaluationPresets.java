package org.istanas.search.toolkit.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.search.toolkit.Presets;

/**
 * Presets of {@code istanas evaluate}: {@code paper} (20 cells x 36 channels, 600 epochs), {@code cpu} (8 cells x
 * 16 channels, 4,000 training images, 20 epochs, no auxiliary head) and {@code smoke} (5 cells x 8 channels, 1,000
 * images, 4 epochs, lr 0.1: about 30 s, and it learns: 0.27 test accuracy on cifar10-mini).
 */
public final class EvaluationPresets {
    private static final Presets PRESETS;

    static {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        p.put("cpu", Map.of("layers", 8, "channels", 16, "epochs", 20, "batchSize", 64, "trainImages", 4000,
                "auxiliaryWeight", 0.0, "checkpointEverySteps", 20));
        p.put("smoke", Map.of("layers", 5, "channels", 8, "epochs", 4, "batchSize", 32, "trainImages", 1000,
                "testImages", 128, "learningRate", 0.1, "auxiliaryWeight", 0.4, "cutout", 8, "loaderWorkers", 1));
        PRESETS = new Presets(EvaluationConfig.PAPER, p);
    }

    private EvaluationPresets() {
    }

    public static List<String> names() {
        return PRESETS.names();
    }

    public static Map<String, Object> get(String name) {
        return PRESETS.get(name, "evaluate");
    }

    public static EvaluationConfig record(String name) {
        return PRESETS.record(name, "evaluate", EvaluationConfig.class);
    }
}
