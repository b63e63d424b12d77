package org.istanas.search.onestage;

import org.istanas.search.toolkit.training.CosineSchedule;

/**
 * Learning rate and drop-path of retrain epoch r (0-based) after the search ended: cosine (CIFAR, as DARTS) or linear
 * (ImageNet, as PC-DARTS) from the search learning rate down to the floor, drop-path ramped linearly
 * {@code dropPath * r / epochs} as the official code. With {@code warmupEpochs} w > 0 the first w epochs train at
 * {@code learningRate} (r+1) / w instead, as the PC-DARTS ImageNet script the official tools/evaluation_imagenet.py is (it warms up for 5
 * epochs when the batch exceeds 256).
 */
record RetrainSchedule(String kind, double max, double min, int epochs, double dropPath, int warmupEpochs) {
    static RetrainSchedule of(OneStageConfig config) {
        return new RetrainSchedule(config.retrainSchedule(), config.learningRate(), config.learningRateMin(),
                config.retrainEpochs(), config.dropPath(), config.warmupEpochs());
    }

    double learningRate(int r) {
        // the script overwrites the scheduled value with the initial one scaled: lr_0 (r+1)/w
        return r < warmupEpochs ? max * (r + 1) / warmupEpochs : annealed(r);
    }

    private double annealed(int r) {
        if (epochs == 0) {
            return max;
        }
        if (kind.equals(OneStageConfig.LINEAR)) {
            return min + (max - min) * (1 - (double) r / epochs);
        }
        return new CosineSchedule(max, min, epochs).at(r);
    }

    double dropPath(int r) {
        return epochs == 0 ? 0 : dropPath * r / epochs;
    }
}
