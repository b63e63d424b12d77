package org.istanas.search.onestage;

import org.istanas.api.data.Batch;
import org.istanas.api.data.ImageDataset;
import org.istanas.api.network.StepResult;
import org.istanas.api.network.TrainableNetwork;
import org.istanas.data.pipeline.Augmentation;
import org.istanas.data.pipeline.BatchLoader;

/**
 * The test images a one-stage run uses (the first {@code testImages} of the split, evaluation preprocessing, in
 * order): a network's mean loss and accuracy on them, and the comparison of the super-net with its folded twin.
 */
final class TestImages {
    private final OneStageConfig config;
    private final ImageDataset dataset;
    private final int[] indices;

    TestImages(OneStageConfig config, ImageDataset dataset, int[] indices) {
        this.config = config;
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** Mean loss and accuracy of a network on the used test images, inference mode. */
    StepResult test(TrainableNetwork net) {
        double lossSum = 0;
        int correct = 0;
        int images = 0;
        try (BatchLoader loader = loader()) {
            while (loader.hasNext()) {
                StepResult r = net.evaluate(loader.next());
                lossSum += r.loss() * r.size();
                correct += r.correct();
                images += r.size();
            }
        }
        return new StepResult(lossSum / images, correct, images);
    }

    /**
     * Compares the network with its folded twin on the used test images: accuracy of each and the largest absolute
     * difference of their logits.
     */
    FoldCheck compareFolded(TrainableNetwork network, TrainableNetwork folded) {
        int correctBefore = 0;
        int correctAfter = 0;
        int images = 0;
        double maxDiff = 0;
        try (BatchLoader loader = loader()) {
            while (loader.hasNext()) {
                Batch batch = loader.next();
                float[][] before = network.logits(batch);
                float[][] after = folded.logits(batch);
                for (int i = 0; i < batch.size(); i++) {
                    correctBefore += argMax(before[i]) == batch.labels()[i] ? 1 : 0;
                    correctAfter += argMax(after[i]) == batch.labels()[i] ? 1 : 0;
                    for (int k = 0; k < before[i].length; k++) {
                        maxDiff = Math.max(maxDiff, Math.abs((double) before[i][k] - after[i][k]));
                    }
                }
                images += batch.size();
            }
        }
        return new FoldCheck((double) correctBefore / images, (double) correctAfter / images, maxDiff, images);
    }

    private BatchLoader loader() {
        return BatchLoader.over(dataset.test(), dataset.mean(), dataset.std()).indices(indices)
                .batchSize(config.batchSize()).shuffle(false).seed(0).epoch(0).dropLast(false)
                .augmentation(Augmentation.forEvaluation(dataset)).workers(config.loaderWorkers()).build();
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Outcome of comparing the trained network with its folded twin. */
    record FoldCheck(double testAccuracy, double foldedTestAccuracy, double maxAbsLogitDiff, int images) {
    }
}
