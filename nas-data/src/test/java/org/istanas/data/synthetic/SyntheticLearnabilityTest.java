package org.istanas.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.istanas.api.data.Batch;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.pipeline.BatchLoader;
import org.junit.jupiter.api.Test;

/** On the synthetic set, architecture matters: a tiny CNN beats a linear model on raw pixels by a wide margin. */
final class SyntheticLearnabilityTest {
    private static final int TRAIN = 2000;
    private static final int TEST = 1000;

    @Test
    void smallConvolutionalNetworkBeatsLinearModelByFifteenPoints() {
        ImageDataset dataset = new SyntheticProvider().open(new DatasetRequest(null, 7, 0,
                Map.of("trainSize", String.valueOf(TRAIN), "testSize", String.valueOf(TEST))));
        Batch train = all(dataset, true);
        Batch test = all(dataset, false);
        int size = dataset.shape().size();

        SoftmaxRegression linear = new SoftmaxRegression(size, 10);
        for (int epoch = 0; epoch < 6; epoch++) {
            for (int i : order(TRAIN, epoch)) {
                linear.train(train.images(), i * size, train.labels()[i], 0.002f);
            }
        }
        int linearCorrect = 0;
        for (int i = 0; i < TEST; i++) {
            linearCorrect += linear.predict(test.images(), i * size) == test.labels()[i] ? 1 : 0;
        }

        TinyCnn cnn = new TinyCnn(3, 32, 8, 10, 1);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int i : order(TRAIN, epoch)) {
                cnn.train(train.images(), i * size, train.labels()[i], 0.02f);
            }
        }
        int cnnCorrect = 0;
        for (int i = 0; i < TEST; i++) {
            cnnCorrect += cnn.predict(test.images(), i * size) == test.labels()[i] ? 1 : 0;
        }
        double linearAccuracy = 100.0 * linearCorrect / TEST;
        double cnnAccuracy = 100.0 * cnnCorrect / TEST;
        System.out.printf("synthetic: linear %.1f%%, tiny CNN %.1f%%%n", linearAccuracy, cnnAccuracy);
        assertThat(cnnAccuracy - linearAccuracy).as("CNN %.1f%% vs linear %.1f%%", cnnAccuracy, linearAccuracy)
                .isGreaterThanOrEqualTo(15.0);
        assertThat(cnnAccuracy).isGreaterThan(40.0);
    }

    private static Batch all(ImageDataset dataset, boolean train) {
        var split = train ? dataset.train() : dataset.test();
        try (BatchLoader loader = BatchLoader.over(split, dataset.mean(), dataset.std())
                .batchSize(split.size()).workers(0).build()) {
            return loader.next();
        }
    }

    private static int[] order(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
