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
    }

    private OneStagePresets() {
    }

    static List<String> names() {
        return PRESETS.names();
    }

    static Map<String, Object> get(String name) {
        return PRESETS.get(name, OneStageStrategy.NAME);
    }

    /** The preset as a record (tests, embedding). */
    static OneStageConfig record(String name) {
        return PRESETS.record(name, OneStageStrategy.NAME, OneStageConfig.class);
    }
}
