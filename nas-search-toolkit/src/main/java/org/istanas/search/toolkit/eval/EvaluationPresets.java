package org.istanas.search.toolkit.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.search.toolkit.Presets;

/**
 * Presets of {@code istanas evaluate}, per search space.
 *
 * <p>{@code darts}: {@code paper} (20 cells x 36 channels, 600 epochs), {@code cpu} (8 cells x 16 channels, 4,000
 * training images, 20 epochs, no auxiliary head) and {@code smoke} (5 cells x 8 channels, 1,000 images, 4 epochs,
 * lr 0.1: about 30 s, and it learns: 0.27 test accuracy on cifar10-mini).
 *
 * <p>{@code nas-bench-201}: {@code paper} is the benchmark's own protocol (its reference, section 4: the C = 16,
 * N = 5 network, 200 epochs, batch 256, SGD lr 0.1 with momentum 0.9 and weight decay 5e-4, cosine to 0, no
 * clipping, crop and flip without cutout); Nesterov momentum and the per-iteration cosine are not reproduced.
 * {@code cpu} trains the same network on 10,000 images for 10 epochs at batch 64; {@code smoke} a 1-cell-per-stage,
 * 8-channel network on 1,000 images for 3 epochs.
 */
public final class EvaluationPresets {
    private static final String NB201 = "nas-bench-201";
    private static final Presets DARTS_PRESETS;
    private static final Presets NB201_PRESETS;

    /** The NAS-Bench-201 stand-alone protocol (reference section 4), as far as the keys reach. */
    public static final EvaluationConfig NB201_PAPER = new EvaluationConfig(200, 256, 5, 16, 0.1, 0.0, 0.9, 5e-4, 0.0,
            0, true, 0.0, 0.0, 0, 0, 0, 2, 2, "cifar", false, false);

    static {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        p.put("cpu", Map.of("layers", 8, "channels", 16, "epochs", 20, "batchSize", 64, "trainImages", 4000,
                "auxiliaryWeight", 0.0, "checkpointEverySteps", 20));
        p.put("smoke", Map.of("layers", 5, "channels", 8, "epochs", 4, "batchSize", 32, "trainImages", 1000,
                "testImages", 128, "learningRate", 0.1, "auxiliaryWeight", 0.4, "cutout", 8, "loaderWorkers", 1));
        DARTS_PRESETS = new Presets(EvaluationConfig.PAPER, p);
        Map<String, Map<String, Object>> n = new LinkedHashMap<>();
        n.put("paper", Map.of());
        n.put("cpu", Map.of("epochs", 10, "batchSize", 64, "trainImages", 10000, "checkpointEverySteps", 20));
        n.put("smoke", Map.of("layers", 1, "channels", 8, "epochs", 3, "batchSize", 32, "trainImages", 1000,
                "testImages", 128, "loaderWorkers", 1));
        NB201_PRESETS = new Presets(NB201_PAPER, n);
    }

    private EvaluationPresets() {
    }

    /** The preset names of the {@code darts} space. */
    public static List<String> names() {
        return DARTS_PRESETS.names();
    }

    /** The preset names of {@code space} ({@code darts}'s for a space without presets of its own). */
    public static List<String> names(String space) {
        return of(space).names();
    }

    /** The complete key map of a {@code darts} preset. */
    public static Map<String, Object> get(String name) {
        return DARTS_PRESETS.get(name, "evaluate");
    }

    /** The complete key map of preset {@code name} for architectures of {@code space}. */
    public static Map<String, Object> get(String name, String space) {
        return of(space).get(name, space.equals(NB201) ? "evaluate of nas-bench-201" : "evaluate");
    }

    public static EvaluationConfig record(String name) {
        return DARTS_PRESETS.record(name, "evaluate", EvaluationConfig.class);
    }

    public static EvaluationConfig record(String name, String space) {
        return of(space).record(name, "evaluate", EvaluationConfig.class);
    }

    private static Presets of(String space) {
        return space.equals(NB201) ? NB201_PRESETS : DARTS_PRESETS;
    }
}
