package org.istanas.search.onestage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.istanas.search.toolkit.Presets;

/**
 * Presets of the {@code one-stage} strategy, each a complete key map (the defaults with the preset's changes):
 * <ul>
 *   <li>{@code paper}: CIFAR-10 as the official code (20 cells x 36 channels, batch 96, aux 0.4, cutout 16, 3.7M
 *       parameter cap, 600 retrain epochs);</li>
 *   <li>{@code official}: as {@code paper}, retrain cosine floor 0.001 (tools/train_search_single.py);</li>
 *   <li>{@code imagenet}: the supplementary material's ImageNet setting (ImageNet layout, 14 cells x 48 channels,
 *       batch 1,024, label smoothing 0.1, aux 0.4, arch lr 6e-3, SGD lr 0.5 with weight decay 3e-5, 250 retrain
 *       epochs with linear decay, no drop-path, no cutout, no parameter cap);</li>
 *   <li>{@code imagenet-official}: as {@code imagenet}, with the released ImageNet script's colour jitter
 *       (0.4, 0.4, 0.4, 0.2) and 5-epoch linear warm-up (tools/evaluation_imagenet.py, PC-DARTS');</li>
 *   <li>{@code cpu}: 5 cells x 8 channels, 4,000 images, batch 64, at most 15 search + 10 retrain epochs, no
 *       auxiliary head - a few hours on 2 CPU cores;</li>
 *   <li>{@code smoke}: 3 cells x 8 channels, 256 images, batch 32, at most 3 search + 1 retrain epochs, SGD 0.1,
 *       b from 0.1 N(0,1) with Adam 3e-3, no auxiliary head - seconds, for testing an installation; it learns.</li>
 *   <li>{@code cpu} and {@code smoke} build on {@code paper}; every preset uses the official code's behaviours
 *       (clip scope, ops leaving the support, termination from the first epoch), the record defaults.</li>
 * </ul>
 * A {@code nas-bench-201} search has presets of the same names with that space's recipes ({@link #NB201_PRESETS}).
 */
final class OneStagePresets {
    static final Presets PRESETS;

    static {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.of());
        // tools/train_search_single.py with --cutout --auxiliary (the paper preset's values) and its
        // learning_rate_min 0.001 for the retrain cosine
        p.put("official", Map.of("learningRateMin", 0.001));
        p.put("imagenet", Map.ofEntries(Map.entry("network", OneStageConfig.IMAGENET), Map.entry("layers", 14),
                Map.entry("channels", 48), Map.entry("batchSize", 1024), Map.entry("labelSmoothing", 0.1),
                Map.entry("auxiliaryWeight", 0.4), Map.entry("archLearningRate", 6e-3), Map.entry("learningRate", 0.5),
                Map.entry("weightDecay", 3e-5), Map.entry("retrainEpochs", 250),
                Map.entry("retrainSchedule", OneStageConfig.LINEAR), Map.entry("dropPath", 0.0),
                Map.entry("cutout", 0), Map.entry("parameterCap", 0L), Map.entry("loaderWorkers", 8)));
        Map<String, Object> imagenetOfficial = new LinkedHashMap<>(p.get("imagenet"));
        imagenetOfficial.put("colourJitter", OneStageConfig.IMAGENET_JITTER);
        imagenetOfficial.put("warmupEpochs", 5);
        p.put("imagenet-official", imagenetOfficial);
        p.put("cpu", Map.of("layers", 5, "channels", 8, "trainImages", 4000, "batchSize", 64, "maxSearchEpochs", 15,
                "retrainEpochs", 10, "auxiliaryWeight", 0.0, "parameterCap", 0L, "checkpointEverySteps", 20));
        // b starts at 0.1 N(0,1) with Adam 3e-3 and SGD 0.1, no auxiliary head, 8 channels: with the paper's 1e-3 b
        // and a 4-channel net the smoke run stayed at chance (issue 15 item 2)
        p.put("smoke", Map.ofEntries(Map.entry("layers", 3), Map.entry("channels", 8), Map.entry("trainImages", 256),
                Map.entry("testImages", 128), Map.entry("batchSize", 32), Map.entry("maxSearchEpochs", 3),
                Map.entry("retrainEpochs", 1), Map.entry("cutout", 8), Map.entry("parameterCap", 0L),
                Map.entry("loaderWorkers", 1), Map.entry("learningRate", 0.1), Map.entry("archInitScale", 0.1),
                Map.entry("archLearningRate", 3e-3), Map.entry("auxiliaryWeight", 0.0)));
        PRESETS = new Presets(OneStageConfig.PAPER, p, Map.of("cpu", "paper", "smoke", "paper"));
        NB201_PRESETS = new Presets(OneStageConfig.PAPER, nb201Changes(), Map.of("cpu", "paper", "smoke", "paper"));
    }

    /**
     * Presets of a {@code nas-bench-201} search (docs/spaces.md). One-stage trains the final network, so its target
     * settings are the NB201 stand-alone recipe (nas-bench-201.md section 4) where the algorithm has no own value:
     * C = 16, N = 5, batch 256, SGD 0.1 (momentum 0.9, weight decay 5e-4), 200 retrain epochs cosine to 0, crop and
     * flip without cutout, the full 50,000 training images (one-stage has no validation split); no auxiliary head,
     * drop-path or parameter cap (the network has none). One-stage's own values stay: the constant search learning
     * rate, b by Adam 3e-4 (0.5, 0.999), 1e-3 from 1e-3 N(0,1), lambda 1e-5, epsilon 1e-3, clip 5, at most 600
     * search epochs. {@code cpu} and {@code smoke} build on it.
     */
    static final Presets NB201_PRESETS;

    private static Map<String, Map<String, Object>> nb201Changes() {
        Map<String, Map<String, Object>> p = new LinkedHashMap<>();
        p.put("paper", Map.ofEntries(Map.entry("layers", 5), Map.entry("channels", 16), Map.entry("batchSize", 256),
                Map.entry("learningRate", 0.1), Map.entry("learningRateMin", 0.0), Map.entry("weightDecay", 5e-4),
                Map.entry("retrainEpochs", 200), Map.entry("cutout", 0), Map.entry("auxiliaryWeight", 0.0),
                Map.entry("dropPath", 0.0), Map.entry("parameterCap", 0L)));
        // 10,000 training and 2,000 test images, N = 2 (9 cells instead of 15), C = 8, batch 64, at most 6 search
        // and 4 retrain epochs; b starts larger and learns faster so that the fewer steps still move it
        p.put("cpu", Map.ofEntries(Map.entry("trainImages", 10000), Map.entry("testImages", 2000),
                Map.entry("layers", 2), Map.entry("channels", 8), Map.entry("batchSize", 64),
                Map.entry("learningRate", 0.05), Map.entry("maxSearchEpochs", 6), Map.entry("retrainEpochs", 4),
                Map.entry("archLearningRate", 3e-3), Map.entry("archInitScale", 0.1),
                Map.entry("checkpointEverySteps", 20)));
        p.put("smoke", Map.ofEntries(Map.entry("trainImages", 1000), Map.entry("testImages", 256),
                Map.entry("layers", 1), Map.entry("channels", 8), Map.entry("batchSize", 32),
                Map.entry("learningRate", 0.1), Map.entry("maxSearchEpochs", 2), Map.entry("retrainEpochs", 1),
                Map.entry("archLearningRate", 3e-3), Map.entry("archInitScale", 0.1), Map.entry("loaderWorkers", 1)));
        return p;
    }

    private OneStagePresets() {
    }

    static List<String> names() {
        return PRESETS.names();
    }

    static Map<String, Object> get(String name) {
        return PRESETS.get(name, OneStageStrategy.NAME);
    }

    /** Preset {@code name} of a {@code nas-bench-201} search. */
    static Map<String, Object> nb201(String name) {
        return NB201_PRESETS.get(name, OneStageStrategy.NAME + " on " + org.istanas.api.space.nb201.Nb201Cell.SPACE);
    }

    /** The preset as a record (tests, embedding). */
    static OneStageConfig record(String name) {
        return PRESETS.record(name, OneStageStrategy.NAME, OneStageConfig.class);
    }
}
