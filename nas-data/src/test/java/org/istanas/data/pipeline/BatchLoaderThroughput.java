package org.istanas.data.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.cifar.Cifar10Provider;
import org.istanas.data.folder.ImageFolderProvider;
import org.istanas.data.synthetic.SyntheticProvider;

/**
 * Not a test: measures {@link BatchLoader} throughput (images/s) for 0, 1, 2 and 4 workers. Arguments: an optional
 * CIFAR-10 directory and an optional image-folder root; without them it measures the synthetic set only.
 * Run after {@code mvn -pl nas-data -am test-compile} with the test classpath, e.g.
 * {@code java -cp nas-data/target/test-classes:nas-data/target/classes:nas-api/target/classes:<slf4j-api>
 * org.istanas.data.pipeline.BatchLoaderThroughput ../shared/data/cifar10-mini}.
 */
public final class BatchLoaderThroughput {
    private BatchLoaderThroughput() {
    }

    public static void main(String[] args) throws Exception {
        measure("synthetic, cifar(16), batch 256",
                new SyntheticProvider().open(new DatasetRequest(null, 0, 0, Map.of())), 256, Augmentation.cifar(16));
        if (args.length > 0) {
            measure("cifar10, cifar(16), batch 256",
                    new Cifar10Provider().open(new DatasetRequest(Path.of(args[0]), 0, 0, Map.of())), 256,
                    Augmentation.cifar(16));
        }
        if (args.length > 1) {
            ImageDataset folder = new ImageFolderProvider().open(new DatasetRequest(Path.of(args[1]), 0, 0, Map.of()));
            measure("imagenet-folder, imagenetTrain, batch 64", folder, 64, Augmentation.forTraining(folder, 0));
        }
    }

    private static void measure(String label, ImageDataset data, int batchSize, Augmentation augmentation) {
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT
            for (int workers : new int[] {0, 1, 2, 4}) {
                long start = System.nanoTime();
                int images = 0;
                try (BatchLoader loader = BatchLoader.over(data.train(), data.mean(), data.std()).batchSize(batchSize)
                        .shuffle(true).epoch(round).augmentation(augmentation).workers(workers).build()) {
                    while (loader.hasNext()) {
                        images += loader.next().size();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%s, workers %d: %.0f images/s%n", label, workers, images / seconds);
                }
            }
        }
    }
}
